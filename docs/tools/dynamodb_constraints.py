#!/usr/bin/env python3
"""Generates DynamoDB's (and DynamoDB Streams') request constraints from botocore's model.

The emulator validates every request against these before it looks anything up, as DynamoDB does.
botocore gives the constraints; it does not give the order in which DynamoDB reports them nor the
order in which it prints an enum's values, so ORDER and ENUM_ORDER hold those as DynamoDB answers them.
Run: python3 docs/tools/dynamodb_constraints.py  (rewrites the resource file)
"""
import gzip, json, os, botocore

ROOT = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(ROOT, "../../emulator/src/main/resources/dev/cloudjar/services/dynamodb")
# botocore service -> resource file the wire adapter reads
OUTPUTS = {"dynamodb": "constraints.json", "dynamodbstreams": "streams-constraints.json"}

# Members reported first, in this order, as DynamoDB reports them (by operation for a request, by shape
# name for a nested structure); the rest follow in model order.
ORDER = {
    "PutItem": ["ReturnConsumedCapacity", "TableName", "Item", "ConditionalOperator", "Expected",
                "ReturnValues", "ReturnItemCollectionMetrics"],
    "DeleteItem": ["ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics", "Key"],
    "UpdateItem": ["ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics", "Key"],
    "CreateTable": ["AttributeDefinitions", "TableName", "BillingMode", "ProvisionedThroughput", "KeySchema",
                    "LocalSecondaryIndexes", "GlobalSecondaryIndexes"],
    "ProvisionedThroughput": ["WriteCapacityUnits", "ReadCapacityUnits"],
}
# Members DynamoDB requires although the model no longer marks them required.
REQUIRED = {"CreateTable": ["AttributeDefinitions", "KeySchema"]}
# Enum values as DynamoDB prints them in "Member must satisfy enum value set: [...]".
ENUM_ORDER = {
    "ReturnValue": ["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"],
    "ConditionalOperator": ["OR", "AND"],
    "ComparisonOperator": ["IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE",
                           "BEGINS_WITH", "GE", "CONTAINS"],
    "ScalarAttributeType": ["B", "N", "S"],
    "ProjectionType": ["ALL", "INCLUDE", "KEYS_ONLY"],
    "Select": ["SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"],
}

def constraints(shape_name, shape):
    m = {"type": shape["type"]}
    for key in ("min", "max", "pattern"):
        if key in shape:
            m[key] = shape[key]
    if "enum" in shape:
        m["enum"] = ENUM_ORDER.get(shape_name, shape["enum"])
    return m


def main():
    for service, name in OUTPUTS.items():
        generate(service, os.path.join(RESOURCES, name))


def generate(service, out_path):
    path = os.path.join(os.path.dirname(botocore.__file__), "data", service, "2012-08-10", "service-2.json.gz")
    model = json.load(gzip.open(path))
    shapes = model["shapes"]
    operations, used = {}, {}

    def visit(name):
        if name in used:
            return
        shape = shapes[name]
        out = constraints(name, shape)
        used[name] = out
        if shape["type"] == "structure" and name != "AttributeValue":
            first = [n for n in ORDER.get(name, []) if n in shape["members"]]
            names = first + [n for n in shape["members"] if n not in first]
            out["members"] = [{"name": k, "shape": shape["members"][k]["shape"],
                               **({"required": True} if k in shape.get("required", []) else {})} for k in names]
            for v in shape["members"].values():
                visit(v["shape"])
        elif shape["type"] == "list":
            out["member"] = shape["member"]["shape"]
            visit(shape["member"]["shape"])
        elif shape["type"] == "map":
            out["value"] = shape["value"]["shape"]
            visit(shape["value"]["shape"])

    for op, spec in sorted(model["operations"].items()):
        if "input" not in spec:
            continue
        inp = shapes[spec["input"]["shape"]]
        names = list(inp["members"])
        first = [n for n in ORDER.get(op, []) if n in names]
        required = inp.get("required", []) + REQUIRED.get(op, [])
        operations[op] = [{"name": n, "shape": inp["members"][n]["shape"], **({"required": True} if n in required else {})}
                          for n in first + [n for n in names if n not in first]]
        for n in names:
            visit(inp["members"][n]["shape"])
    with open(out_path, "w") as f:
        json.dump({"operations": operations, "shapes": used}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

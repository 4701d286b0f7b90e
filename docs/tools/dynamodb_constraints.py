#!/usr/bin/env python3
"""Generates DynamoDB's top-level request constraints from botocore's model.

The emulator validates every request against these before it looks anything up, as DynamoDB does.
botocore gives the constraints; it does not give the order in which DynamoDB reports them nor the
order in which it prints an enum's values, so ORDER and ENUM_ORDER hold those as DynamoDB answers them.
Run: python3 docs/tools/dynamodb_constraints.py  (rewrites the resource file)
"""
import gzip, json, os, botocore

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "../../emulator/src/main/resources/dev/cloudjar/services/dynamodb/constraints.json")

# Members reported first, in this order, as DynamoDB reports them; the rest follow in model order.
ORDER = {
    "PutItem": ["ReturnConsumedCapacity", "TableName", "Item", "ConditionalOperator", "Expected",
                "ReturnValues", "ReturnItemCollectionMetrics"],
    "DeleteItem": ["ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics", "Key"],
    "UpdateItem": ["ReturnConsumedCapacity", "TableName", "ReturnValues", "ReturnItemCollectionMetrics", "Key"],
}
# Enum values as DynamoDB prints them in "Member must satisfy enum value set: [...]".
ENUM_ORDER = {
    "ReturnValue": ["ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW"],
    "ConditionalOperator": ["OR", "AND"],
}

def main():
    path = os.path.join(os.path.dirname(botocore.__file__), "data/dynamodb/2012-08-10/service-2.json.gz")
    model = json.load(gzip.open(path))
    shapes = model["shapes"]
    out = {}
    for op, spec in sorted(model["operations"].items()):
        if "input" not in spec:
            continue
        inp = shapes[spec["input"]["shape"]]
        names = list(inp["members"])
        first = [n for n in ORDER.get(op, []) if n in names]
        members = []
        for name in first + [n for n in names if n not in first]:
            shape_name = inp["members"][name]["shape"]
            shape = shapes[shape_name]
            m = {"name": name, "shape": shape_name, "type": shape["type"]}
            if name in inp.get("required", []):
                m["required"] = True
            for key in ("min", "max", "pattern"):
                if key in shape:
                    m[key] = shape[key]
            if "enum" in shape:
                m["enum"] = ENUM_ORDER.get(shape_name, shape["enum"])
            members.append(m)
        out[op] = members
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")

if __name__ == "__main__":
    main()

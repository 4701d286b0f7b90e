package dev.cloudjar.protocol.query;

import dev.cloudjar.core.AwsException;
import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.OperationTable;
import dev.cloudjar.protocol.QueryString;
import dev.cloudjar.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The AWS Query protocol: form parameters in, {@code <ActionResponse>} XML or {@code <ErrorResponse>} out. */
public final class QueryProtocol {
    public static final String CONTENT_TYPE = "text/xml";

    private QueryProtocol() {
    }

    /** Form body and query-string parameters merged (body wins), percent-decoded. */
    public static Map<String, String> params(AwsRequest request) {
        Map<String, String> result = new LinkedHashMap<>();
        request.queryParameters().forEach((k, v) -> result.put(k, v.isEmpty() ? "" : v.get(0)));
        if (!"GET".equals(request.method())) {
            byte[] body = request.bodyBytes();
            if (body.length > 0) {
                QueryString.parse(new String(body, StandardCharsets.UTF_8))
                        .forEach((k, v) -> result.put(k, v.isEmpty() ? "" : v.get(0)));
            }
        }
        return result;
    }

    /**
     * An integer parameter, or null when absent; text that is not a number is the Query protocol's
     * {@code MalformedInput} (services with their own code for it, such as SQS, bind it themselves).
     */
    public static Integer integer(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new AwsException(400, "MalformedInput", "Invalid value for parameter " + name + ": " + value);
        }
    }

    /** {@code Prefix.member.N} (or {@code Prefix.N}) values in N order. */
    public static List<String> members(Map<String, String> params, String prefix) {
        TreeMap<Integer, String> ordered = new TreeMap<>();
        collectIndexed(params, prefix + ".member.", ordered);
        if (ordered.isEmpty()) {
            collectIndexed(params, prefix + ".", ordered);
        }
        return new ArrayList<>(ordered.values());
    }

    /** {@code Prefix.entry.N.<keyName>} / {@code .<valueName>} pairs, in N order. */
    public static Map<String, String> entries(Map<String, String> params, String prefix, String keyName, String valueName) {
        TreeMap<Integer, String[]> ordered = new TreeMap<>();
        String start = prefix + ".entry.";
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                continue;
            }
            Integer index = parseIndex(rest.substring(0, dot));
            if (index == null) {
                continue;
            }
            String field = rest.substring(dot + 1);
            String[] pair = ordered.computeIfAbsent(index, i -> new String[2]);
            if (field.equals(keyName)) {
                pair[0] = p.getValue();
            } else if (field.equals(valueName)) {
                pair[1] = p.getValue();
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String[] pair : ordered.values()) {
            if (pair[0] != null) {
                result.put(pair[0], pair[1] == null ? "" : pair[1]);
            }
        }
        return result;
    }

    /** Parameters starting with {@code prefix + "."}, grouped by the index that follows, in index order. */
    public static List<Map<String, String>> indexedGroups(Map<String, String> params, String prefix) {
        TreeMap<Integer, Map<String, String>> ordered = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            if (!name.startsWith(start)) {
                continue;
            }
            String rest = name.substring(start.length());
            int dot = rest.indexOf('.');
            Integer index = parseIndex(dot < 0 ? rest : rest.substring(0, dot));
            if (index == null) {
                continue;
            }
            ordered.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(dot < 0 ? "" : rest.substring(dot + 1), p.getValue());
        }
        return new ArrayList<>(ordered.values());
    }

    private static void collectIndexed(Map<String, String> params, String start, TreeMap<Integer, String> into) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            String name = p.getKey();
            if (name.startsWith(start)) {
                Integer index = parseIndex(name.substring(start.length()));
                if (index != null) {
                    into.put(index, p.getValue());
                }
            }
        }
    }

    private static Integer parseIndex(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(text);
    }

    public static AwsResponse ok(String action, String xmlns, AwsRequest request, Consumer<XmlWriter> result) {
        XmlWriter xml = new XmlWriter().start(action + "Response", xmlns).start(action + "Result");
        result.accept(xml);
        xml.end();
        metadata(xml, request);
        return AwsResponse.ok().header("x-amzn-RequestId", request.requestId()).body(xml.toBytes(), CONTENT_TYPE);
    }

    public static AwsResponse okNoResult(String action, String xmlns, AwsRequest request) {
        XmlWriter xml = new XmlWriter().start(action + "Response", xmlns);
        metadata(xml, request);
        return AwsResponse.ok().header("x-amzn-RequestId", request.requestId()).body(xml.toBytes(), CONTENT_TYPE);
    }

    private static void metadata(XmlWriter xml, AwsRequest request) {
        xml.start("ResponseMetadata").element("RequestId", request.requestId()).end();
        xml.end();
    }

    public static AwsResponse error(AwsException e, String xmlns, AwsRequest request) {
        XmlWriter xml = new XmlWriter().start("ErrorResponse", xmlns).start("Error")
                .element("Type", e.senderFault() ? "Sender" : "Receiver")
                .element("Code", e.code())
                .element("Message", e.getMessage());
        for (Map.Entry<String, Object> detail : e.details().entrySet()) {
            xml.element(detail.getKey(), String.valueOf(detail.getValue()));
        }
        xml.end().element("RequestId", request.requestId()).end();
        return AwsResponse.status(e.status()).header("x-amzn-RequestId", request.requestId()).body(xml.toBytes(), CONTENT_TYPE);
    }

    /** Runs the operation the request's Action names, or answers InvalidAction / MissingAction. */
    public static AwsResponse dispatch(OperationTable operations, AwsRequest request, String xmlns) {
        String action = request.target() != null ? request.target() : params(request).get("Action");
        OperationTable.Operation operation = operations.find(action);
        return operation == null ? invalidAction(request, xmlns) : operation.handle(request);
    }

    public static AwsResponse invalidAction(AwsRequest request, String xmlns) {
        String action = request.target();
        AwsException e = action == null || action.isEmpty()
                ? new AwsException(400, "MissingAction", "Missing Action")
                : new AwsException(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        return error(e, xmlns, request);
    }
}

package dev.cloudjar.services.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/** Parses a ProjectionExpression: comma-separated document paths that must not overlap. */
final class ProjectionParser extends ParserBase {

    ProjectionParser(String source, ExpressionContext ctx) {
        super(source, ExpressionKind.PROJECTION, ctx);
    }

    List<Path> parse() {
        List<Path> paths = new ArrayList<>();
        paths.add(parsePath());
        while (accept(Token.Type.COMMA)) {
            paths.add(parsePath());
        }
        String overlap = UpdateParser.overlapMessage(paths);
        if (overlap != null) {
            defer(overlap);
        }
        finish();
        return paths;
    }
}

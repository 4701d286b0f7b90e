package dev.cloudjar.http;

import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that treat {@code Expect} as AWS does: {@code 100-continue} is honoured and any other
 * expectation ignored. Jetty answers 417 to an expectation it does not know, before any handler runs and with no
 * setting to turn that off, so the header is filtered as the parser hands it over.
 */
final class LenientExpectConnectionFactory extends HttpConnectionFactory {
    LenientExpectConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected RequestHandler newRequestHandler() {
                return new RequestHandler() {
                    @Override
                    public void parsedHeader(HttpField field) {
                        if (field.getHeader() == HttpHeader.EXPECT) {
                            if (!continues(field.getValue())) {
                                return;
                            }
                            field = new HttpField(HttpHeader.EXPECT, "100-continue");
                        }
                        super.parsedHeader(field);
                    }
                };
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** Whether one of the comma-separated expectations is 100-continue. */
    static boolean continues(String value) {
        if (value == null) {
            return false;
        }
        for (String token : value.split(",")) {
            if (token.trim().toLowerCase(Locale.ROOT).equals("100-continue")) {
                return true;
            }
        }
        return false;
    }
}

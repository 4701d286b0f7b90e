package dev.cloudjar.http;

import dev.cloudjar.protocol.xml.XmlWriter;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before CloudJar sees them (a URI it cannot decode, a header section over the
 * limit): answered as S3 answers them, in S3's XML, since no service can be told from such a request.
 * Never Jetty's HTML page, and a too-large header is S3's 400, not HTTP's 431.
 */
final class EdgeErrors extends ErrorHandler {
    /** The header section (request line and headers) Jetty reads; S3 names its own limit in the error. */
    static final int MAX_HEADER_SECTION = 64 * 1024;

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/xml");
        return ByteBuffer.wrap(xml(status));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer code ? code : response.getStatus();
        response.setStatus(statusFor(status));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/xml");
        response.write(true, ByteBuffer.wrap(xml(status)), callback);
        return true;
    }

    /** Jetty's status, or S3's where S3 answers differently (431 is S3's 400). */
    static int statusFor(int status) {
        return status == 431 ? 400 : status;
    }

    private static byte[] xml(int status) {
        String code;
        String message;
        String maxSize = null;
        switch (status) {
            case 431:
                code = "RequestHeaderSectionTooLarge";
                message = "Your request header section exceeds the maximum allowed size.";
                maxSize = String.valueOf(MAX_HEADER_SECTION);
                break;
            case 414:
                code = "KeyTooLongError";
                message = "Your key is too long";
                break;
            case 413:
                code = "EntityTooLarge";
                message = "Your proposed upload exceeds the maximum allowed size";
                break;
            case 400:
                code = "InvalidURI";
                message = "Couldn't parse the specified URI.";
                break;
            default:
                code = status >= 500 ? "InternalError" : "InvalidRequest";
                message = status >= 500 ? "We encountered an internal error. Please try again." : "The request could not be understood.";
                break;
        }
        XmlWriter xml = new XmlWriter().declaration().start("Error").element("Code", code).element("Message", message);
        if (maxSize != null) {
            xml.element("MaxSizeAllowed", maxSize);
        }
        return xml.end().toBytes();
    }
}

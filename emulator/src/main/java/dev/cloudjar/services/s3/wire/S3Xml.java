package dev.cloudjar.services.s3.wire;

import dev.cloudjar.protocol.AwsRequest;
import dev.cloudjar.protocol.AwsResponse;
import dev.cloudjar.protocol.auth.AwsChunkedInputStream;
import dev.cloudjar.protocol.xml.SafeXml;
import dev.cloudjar.protocol.xml.XmlNode;
import dev.cloudjar.protocol.xml.XmlWriter;
import dev.cloudjar.services.s3.S3Backend;
import dev.cloudjar.services.s3.S3Errors;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** REST-XML pieces every S3 route uses: namespace, date formats, ETag quoting, XML bodies in and out. */
final class S3Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String XML_TYPE = "application/xml";
    private static final int MAX_XML_BODY = 4 * 1024 * 1024;
    /** How much of an over-limit document is read past the limit so the client, still sending, reads the answer. */
    private static final long MAX_DRAINED = 16L * 1024 * 1024;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private S3Xml() {
    }

    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** Parses an HTTP date (RFC 1123, as clients send conditional headers), or null when absent or invalid. */
    static Instant parseHttpDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim(), Instant::from);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static String quote(String eTag) {
        return '"' + eTag + '"';
    }

    static XmlWriter document(String root) {
        return new XmlWriter().declaration().start(root, NS);
    }

    static AwsResponse ok(XmlWriter xml) {
        return AwsResponse.ok().body(xml.toBytes(), XML_TYPE);
    }

    /** The account's owner element: its canonical id and display name, as in ACLs. */
    static void owner(XmlWriter xml, String element, String account) {
        xml.start(element).element("ID", S3Backend.canonicalId(account)).element("DisplayName", S3Backend.displayName(account)).end();
    }

    /** Parses the request's XML body (aws-chunked framing removed), mapping bad XML to MalformedXML. */
    static XmlNode parse(AwsRequest request) {
        return parse(bodyBytes(request));
    }

    /** Parses an XML body already read, mapping bad XML to MalformedXML. */
    static XmlNode parse(byte[] body) {
        if (body.length == 0) {
            throw S3Errors.malformedXml();
        }
        try {
            return SafeXml.parse(body);
        } catch (SafeXml.MalformedXmlException e) {
            throw S3Errors.malformedXml();
        }
    }

    /** The request body, bounded, decoded from aws-chunked when the headers say so. */
    static byte[] bodyBytes(AwsRequest request) {
        if (request.contentLength() > MAX_XML_BODY) {
            throw tooLarge(request.contentLength() <= MAX_DRAINED, request);
        }
        try {
            InputStream in = request.body();
            if (AwsChunkedInputStream.isAwsChunked(request.header("Content-Encoding"), request.header("x-amz-content-sha256"))) {
                in = new AwsChunkedInputStream(in);
            }
            byte[] bytes = in.readNBytes(MAX_XML_BODY + 1);
            if (bytes.length > MAX_XML_BODY) {
                throw tooLarge(true, request);
            }
            checkContentMd5(request.header("Content-MD5"), bytes);
            return bytes;
        } catch (AwsChunkedInputStream.MalformedChunkException e) {
            throw S3Errors.incompleteBody();
        } catch (IOException e) {
            throw AwsRequest.bodyCutOff(e);
        }
    }

    /** MalformedXML for a document over the limit, after reading (and dropping) a bounded rest of it. */
    private static RuntimeException tooLarge(boolean drain, AwsRequest request) {
        if (drain) {
            request.discardBody(MAX_DRAINED);
        }
        return S3Errors.malformedXml();
    }

    /** A Content-MD5 sent with a configuration document must match it, as for object bodies. */
    private static void checkContentMd5(String header, byte[] body) {
        if (header == null) {
            return;
        }
        byte[] claimed = dev.cloudjar.protocol.auth.Checksums.base64DecodeOrNull(header);
        if (claimed == null || claimed.length != 16) {
            throw S3Errors.invalidDigest().with("Content-MD5", header);
        }
        if (!java.util.Arrays.equals(claimed, dev.cloudjar.protocol.auth.Checksums.md5(body))) {
            throw S3Errors.badDigest("MD5");
        }
    }

    /** Percent-encodes for {@code encoding-type=url} answers, or returns the text as is. */
    static String encode(String text, boolean url) {
        return text == null || !url ? text : dev.cloudjar.protocol.QueryString.encode(text, true);
    }
}

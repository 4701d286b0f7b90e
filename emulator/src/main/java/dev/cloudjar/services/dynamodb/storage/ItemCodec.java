package dev.cloudjar.services.dynamodb.storage;

import dev.cloudjar.services.dynamodb.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form in which items are stored: a format byte, then the attributes as
 * length-prefixed names and tagged values. Much smaller and cheaper to read and write than the
 * DynamoDB JSON form, which matters for million-item tables.
 */
public final class ItemCodec {
    private static final int FORMAT = 1;
    private static final int S = 1;
    private static final int N = 2;
    private static final int B = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int NULL = 6;
    private static final int L = 7;
    private static final int M = 8;
    private static final int SS = 9;
    private static final int NS = 10;
    private static final int BS = 11;

    private ItemCodec() {
    }

    public static byte[] encode(Map<String, AttributeValue> item) {
        Out out = new Out(128);
        out.write(FORMAT);
        writeMap(out, item);
        return out.toByteArray();
    }

    public static Map<String, AttributeValue> decode(byte[] bytes) {
        In in = new In(bytes);
        int format = in.read();
        if (format != FORMAT) {
            throw new IllegalStateException("unknown stored item format " + format);
        }
        return readMap(in);
    }

    private static void writeMap(Out out, Map<String, AttributeValue> map) {
        out.varint(map.size());
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            out.string(e.getKey());
            writeValue(out, e.getValue());
        }
    }

    private static void writeValue(Out out, AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            out.write(S);
            out.string(s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.write(N);
            out.string(n.value());
        } else if (value instanceof AttributeValue.B b) {
            out.write(B);
            out.bytes(b.value());
        } else if (value instanceof AttributeValue.BOOL bool) {
            out.write(bool.value() ? TRUE : FALSE);
        } else if (value instanceof AttributeValue.NULL) {
            out.write(NULL);
        } else if (value instanceof AttributeValue.L l) {
            out.write(L);
            out.varint(l.values().size());
            for (AttributeValue v : l.values()) {
                writeValue(out, v);
            }
        } else if (value instanceof AttributeValue.M m) {
            out.write(M);
            writeMap(out, m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            out.write(SS);
            out.varint(ss.values().size());
            ss.values().forEach(out::string);
        } else if (value instanceof AttributeValue.NS ns) {
            out.write(NS);
            out.varint(ns.values().size());
            ns.values().forEach(out::string);
        } else if (value instanceof AttributeValue.BS bs) {
            out.write(BS);
            out.varint(bs.values().size());
            bs.values().forEach(out::bytes);
        } else {
            throw new IllegalArgumentException("unknown attribute value " + value);
        }
    }

    private static Map<String, AttributeValue> readMap(In in) {
        int size = in.varint();
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            String name = in.string();
            map.put(name, readValue(in));
        }
        return map;
    }

    private static AttributeValue readValue(In in) {
        int tag = in.read();
        switch (tag) {
            case S:
                return new AttributeValue.S(in.string());
            case N:
                return new AttributeValue.N(in.string());
            case B:
                return new AttributeValue.B(in.bytes());
            case TRUE:
                return AttributeValue.BOOL.TRUE;
            case FALSE:
                return AttributeValue.BOOL.FALSE;
            case NULL:
                return AttributeValue.NULL.INSTANCE;
            case L: {
                int n = in.varint();
                List<AttributeValue> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(readValue(in));
                }
                return new AttributeValue.L(values);
            }
            case M:
                return new AttributeValue.M(readMap(in));
            case SS:
                return new AttributeValue.SS(strings(in));
            case NS:
                return new AttributeValue.NS(strings(in));
            case BS: {
                int n = in.varint();
                List<byte[]> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(in.bytes());
                }
                return new AttributeValue.BS(values);
            }
            default:
                throw new IllegalStateException("corrupt stored item: tag " + tag);
        }
    }

    private static List<String> strings(In in) {
        int n = in.varint();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.string());
        }
        return values;
    }

    private static final class Out extends ByteArrayOutputStream {
        Out(int size) {
            super(size);
        }

        void varint(int v) {
            while ((v & ~0x7F) != 0) {
                write((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            varint(b.length);
            write(b, 0, b.length);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        int read() {
            return buf[pos++] & 0xFF;
        }

        int varint() {
            int shift = 0;
            int result = 0;
            while (true) {
                int b = read();
                result |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
                shift += 7;
            }
        }

        String string() {
            int n = varint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        byte[] bytes() {
            int n = varint();
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }
    }
}

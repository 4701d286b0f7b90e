package dev.cloudjar.services.dynamodb.streams;

import dev.cloudjar.persistence.KeyRanges;
import dev.cloudjar.persistence.PersistentMap;
import dev.cloudjar.services.dynamodb.model.AttributeValue;
import dev.cloudjar.services.dynamodb.storage.ItemCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The change records of one table stream, in commit order. The table appends while holding its write
 * lock, so sequence order is commit order. Readers never remove records; only retention trims them.
 * Appends wake every thread waiting in {@link #awaitAfter}.
 */
public final class StreamLog {
    public static final int SEQUENCE_DIGITS = 21;

    /** Durable copy (null with an in-memory store, where {@link #memory} is the only copy). */
    private final PersistentMap<StoredStreamRecord> records;
    /** Every retained record by sequence number: all reads are served from here. */
    private final ConcurrentSkipListMap<Long, StoredStreamRecord> memory = new ConcurrentSkipListMap<>();
    private final String prefix;
    private volatile StreamDescriptor descriptor;
    private long lastSequence;
    private long firstSequence;

    StreamLog(PersistentMap<StoredStreamRecord> records, StreamDescriptor descriptor) {
        this.records = records;
        this.descriptor = descriptor;
        this.prefix = descriptor.streamArn() + KeyRanges.SEPARATOR;
        long first = 0;
        long last = 0;
        if (records != null) {
            for (Map.Entry<String, StoredStreamRecord> e : records.range(prefix, KeyRanges.prefixEnd(prefix))) {
                long seq = e.getValue().sequence();
                memory.put(seq, e.getValue());
                if (first == 0) {
                    first = seq;
                }
                last = seq;
            }
        }
        last = Math.max(last, descriptor.trimmedThrough());
        this.lastSequence = last;
        this.firstSequence = first == 0 ? last + 1 : first;
    }

    public static String formatSequence(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits;
    }

    /** Parses a sequence number text, or returns -1 when it is not one of ours. */
    public static long parseSequence(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public StreamDescriptor descriptor() {
        return descriptor;
    }

    void descriptor(StreamDescriptor updated) {
        this.descriptor = updated;
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Appends a change, keeping only the images the view type asks for. Returns the record's
     * sequence number. Call while holding the table's write lock.
     */
    public synchronized long append(String eventId, String eventName, long nowMillis, Map<String, AttributeValue> keys,
                                    Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage,
                                    long sizeBytes, boolean ttl) {
        String view = descriptor.viewType();
        boolean wantNew = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        boolean wantOld = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
        long sequence = lastSequence + 1;
        StoredStreamRecord record = new StoredStreamRecord(sequence, eventId, eventName, nowMillis, ItemCodec.encode(keys),
                wantNew && newImage != null ? ItemCodec.encode(newImage) : null,
                wantOld && oldImage != null ? ItemCodec.encode(oldImage) : null, sizeBytes, ttl);
        memory.put(sequence, record);
        if (records != null) {
            records.put(prefix + formatSequence(sequence), record);
        }
        lastSequence = sequence;
        notifyAll();
        return sequence;
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** The first sequence number still retained (one past the last when the log is empty). */
    public synchronized long firstSequence() {
        return firstSequence;
    }

    /** Records with sequence > {@code after}, at most {@code max} of them and about {@code maxBytes}. */
    public List<StreamRecord> readAfter(long after, int max, long maxBytes) {
        List<StreamRecord> out = new ArrayList<>();
        long bytes = 0;
        StreamDescriptor d = descriptor;
        for (StoredStreamRecord r : memory.tailMap(after, false).values()) {
            if (!out.isEmpty() && bytes + r.sizeBytes() > maxBytes) {
                break;
            }
            out.add(toRecord(d, r));
            bytes += r.sizeBytes();
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }

    private static StreamRecord toRecord(StreamDescriptor d, StoredStreamRecord r) {
        return new StreamRecord(r.eventId(), r.eventName(), formatSequence(r.sequence()), r.createdMillis() / 1000,
                ItemCodec.decode(r.keys()), r.newImage() == null ? null : ItemCodec.decode(r.newImage()),
                r.oldImage() == null ? null : ItemCodec.decode(r.oldImage()), r.sizeBytes(), d.viewType(), r.ttl(),
                d.region(), d.streamArn());
    }

    /**
     * Waits until a record after {@code after} exists, the stream is disabled, or the timeout passes.
     * Returns true when such a record exists.
     */
    public boolean awaitAfter(long after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (lastSequence <= after && descriptor.enabled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return lastSequence > after;
        }
    }

    /** Removes records created before {@code cutoffMillis} (24-hour retention). */
    public void trimBefore(long cutoffMillis) {
        List<Long> expired = new ArrayList<>();
        for (StoredStreamRecord r : memory.values()) {
            if (r.createdMillis() >= cutoffMillis) {
                break;
            }
            expired.add(r.sequence());
        }
        if (expired.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Long seq : expired) {
                memory.remove(seq);
                if (records != null) {
                    records.remove(prefix + formatSequence(seq));
                }
                firstSequence = Math.max(firstSequence, seq + 1);
            }
        }
    }

    /** Deletes every record of this stream (its retention ended after the table was deleted). */
    void dropAll() {
        if (records != null) {
            for (Long seq : memory.keySet()) {
                records.remove(prefix + formatSequence(seq));
            }
        }
        memory.clear();
    }
}

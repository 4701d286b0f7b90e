package dev.cloudjar.services.sqs.engine;

import dev.cloudjar.core.Arn;
import dev.cloudjar.core.Scope;
import dev.cloudjar.persistence.KeyRanges;

/** A queue's identity: account, region and name. */
public record QueueName(String account, String region, String name) {

    public Scope scope() {
        return new Scope(account, region);
    }

    public String arn() {
        return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /** The store key prefix of this queue's records. */
    public String key() {
        return KeyRanges.compose(account, region, name);
    }

    /**
     * Reads a queue reference as callers send it: a queue URL in any form (only its last two path
     * segments count, the host is ignored), an ARN, or a bare queue name (then the caller's account).
     * Returns null when the text cannot name a queue.
     */
    public static QueueName parse(Scope caller, String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        if (reference.startsWith("arn:")) {
            Arn arn = Arn.parseOrNull(reference);
            return arn == null || !"sqs".equals(arn.service()) ? null : new QueueName(arn.account(), arn.region(), arn.resource());
        }
        String path = reference;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int last = path.lastIndexOf('/');
        if (last < 0) {
            return scheme >= 0 ? null : new QueueName(caller.account(), caller.region(), path);
        }
        String name = path.substring(last + 1);
        String rest = path.substring(0, last);
        String account = rest.substring(rest.lastIndexOf('/') + 1);
        if (name.isEmpty() || account.isEmpty()) {
            return null;
        }
        return new QueueName(account, caller.region(), name);
    }
}

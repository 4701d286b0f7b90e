package dev.cloudjar.bench;

/**
 * One group of measurements against a target. A workload never lets a failed call escape: an
 * operation the server does not support is printed as "not available" and the run continues.
 */
public interface Workload {
    /** The group name used by --only (s3, dynamodb, sqs, sns, lambda). */
    String group();

    /** The table title. */
    String title();

    void run(Target target) throws Exception;

    /** False for workloads that print single figures rather than rows of the result table. */
    default boolean tabular() {
        return true;
    }

    /**
     * True when the table's throughput is compared with the no-op route: the no-op is then measured
     * again right before this workload (same client, same thread counts, same machine state) and its
     * rows head the table.
     */
    default boolean comparesToNoop() {
        return tabular();
    }

    /** False when the target is a peer that does not implement this service at all (e.g. ElasticMQ and S3). */
    default boolean supportedBy(Target target) {
        return target.speaks(group());
    }
}

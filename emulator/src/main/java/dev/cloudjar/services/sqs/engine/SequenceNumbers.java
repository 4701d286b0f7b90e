package dev.cloudjar.services.sqs.engine;

/** FIFO sequence numbers: AWS shows large decimal strings (~20 digits) that only grow. */
final class SequenceNumbers {
    private SequenceNumbers() {
    }

    static String format(long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder sb = new StringBuilder(20).append('1');
        for (int i = digits.length(); i < 19; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }
}

package dev.cloudjar.services.dynamodb.transactions;

import dev.cloudjar.core.AwsException;
import java.util.List;

/** TransactionCanceledException with its reasons, one per action in request order. */
public final class TransactionCanceled extends AwsException {
    private final List<CancellationReason> reasons;

    public TransactionCanceled(List<CancellationReason> reasons) {
        super(400, "TransactionCanceledException", message(reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
        return reasons;
    }

    private static String message(List<CancellationReason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (CancellationReason r : reasons) {
            codes.append(codes.length() == 0 ? "" : ", ").append(r.code());
        }
        return "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]";
    }
}

package dev.cloudjar.services.lambda.runtime.guard;

/**
 * Thrown where in-process function code called {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt}: the invocation fails with AWS's {@code Runtime.ExitError} and its environment
 * is discarded, as AWS discards a runtime that exited, while CloudJar's JVM keeps running. An Error,
 * so that handler code catching Exception does not swallow it.
 */
public final class FunctionExit extends Error {
    private static final long serialVersionUID = 1L;

    private final int status;

    FunctionExit(int status) {
        super("Runtime exited with error: exit status " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

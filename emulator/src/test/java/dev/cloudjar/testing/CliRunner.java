package dev.cloudjar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs real clients (the {@code aws} CLI, python3 with boto3) against a CloudJar. A missing client is
 * an error, never a skip: these clients are part of what CloudJar promises to work with.
 */
public final class CliRunner {
    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("command failed with exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }

    private final String endpoint;

    public CliRunner(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Runs {@code aws --endpoint-url <endpoint> <args...>} with dummy credentials. */
    public Result aws(String... args) {
        List<String> command = new ArrayList<>();
        command.add("aws");
        command.add("--endpoint-url");
        command.add(endpoint);
        command.addAll(List.of(args));
        return run(command, null);
    }

    /**
     * Python lines defining {@code fails(status, code, call, **kw)}: calls a boto3 operation that must fail
     * with that HTTP status and error code, and returns the error response (the script imports ClientError).
     */
    public static final String BOTO3_FAILS = String.join("\n",
            "def fails(status, code, call, **kw):",
            "    try:",
            "        call(**kw)",
            "    except ClientError as e:",
            "        got = (e.response['ResponseMetadata']['HTTPStatusCode'], e.response['Error']['Code'])",
            "        assert got == (status, code), (got, e.response)",
            "        return e.response",
            "    raise SystemExit('no %s from %s' % (code, call))");

    /** Runs a python3 script with boto3 available; {@code ENDPOINT} is set in its environment. */
    public Result python(String script) {
        return run(List.of("python3", "-c", script), null);
    }

    public Result run(List<String> command, Path workDir) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("ENDPOINT", endpoint);
        env.remove("AWS_PROFILE");
        env.remove("AWS_ENDPOINT_URL");
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            Path out = Files.createTempFile("cli-out", ".txt");
            Path err = Files.createTempFile("cli-err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("command timed out: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (it must be installed): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}

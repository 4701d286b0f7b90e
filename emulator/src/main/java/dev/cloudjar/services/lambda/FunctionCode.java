package dev.cloudjar.services.lambda;

import dev.cloudjar.core.Scope;
import dev.cloudjar.services.lambda.code.CodeLimits;
import dev.cloudjar.services.lambda.code.CodeUnpacker;
import dev.cloudjar.services.lambda.code.FunctionPackage;
import dev.cloudjar.services.lambda.code.LayerUnpacker;
import dev.cloudjar.services.lambda.code.PackageStore;
import dev.cloudjar.services.lambda.code.UnpackedCode;
import dev.cloudjar.services.lambda.model.CodeInput;
import dev.cloudjar.services.lambda.model.FunctionConfig;
import dev.cloudjar.services.lambda.model.FunctionLayer;
import dev.cloudjar.services.lambda.runtime.process.ProcessRuntimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where deployment packages and layer zips come from (the request, or CloudJar's S3 through the
 * {@link FunctionCodeSource} port), the 250 MB quota on a function and its layers together, and the
 * unpacking of a function version with its layers for the runtime.
 */
final class FunctionCode {
    private final PackageStore packages;
    private final CodeUnpacker unpacker;
    private final LayerUnpacker layerUnpacker;
    private final Supplier<FunctionCodeSource> source;

    FunctionCode(PackageStore packages, Path codeRoot, dev.cloudjar.core.IdGenerator ids, Supplier<FunctionCodeSource> source) {
        this.packages = packages;
        this.unpacker = new CodeUnpacker(codeRoot, ids);
        this.layerUnpacker = new LayerUnpacker(codeRoot, ids);
        this.source = source;
    }

    /** The zip a Code / Content member names; {@code what} is "function" or "layer" for AWS's message. */
    byte[] read(Scope scope, CodeInput code, String what) {
        if (code == null || (code.zipFile() == null && code.s3Bucket() == null)) {
            throw LambdaErrors.invalid("Please provide a source for " + what + " code.");
        }
        if (code.zipFile() != null) {
            return code.zipFile();
        }
        if (code.s3Key() == null) {
            throw LambdaErrors.invalid("Please provide a source for " + what + " code.");
        }
        return source.get().read(scope, code.s3Bucket(), code.s3Key(), code.s3ObjectVersion(), CodeLimits.MAX_ZIPPED_BYTES);
    }

    /** Validates and stores a function's package, checking it together with the layers it will run with. */
    FunctionPackage storeFunction(Scope scope, CodeInput code, List<FunctionLayer> layers) {
        byte[] zip = read(scope, code, "function");
        if (!layers.isEmpty() && zip.length <= CodeLimits.MAX_ZIPPED_BYTES) {
            checkCombinedSize(PackageStore.unzippedSize(zip), layers);
        }
        return packages.store(zip);
    }

    /** Checks the stored package of a configuration with a new set of layers. */
    void checkCombinedSize(FunctionConfig config, List<FunctionLayer> layers) {
        if (!layers.isEmpty()) {
            checkCombinedSize(packages.unzippedSize(config.codeBlobId()), layers);
        }
    }

    private static void checkCombinedSize(long functionUnzipped, List<FunctionLayer> layers) {
        long total = functionUnzipped;
        for (FunctionLayer layer : layers) {
            total += layer.unzippedSize();
        }
        if (total > CodeLimits.MAX_UNZIPPED_BYTES) {
            throw LambdaErrors.invalid("Function code combined with layers exceeds the maximum allowed size of "
                    + CodeLimits.MAX_UNZIPPED_BYTES + " bytes. The actual size is " + total + " bytes.");
        }
    }

    /** Unpacks a configuration's package and then its layers, in order, when the runtime first needs them. */
    Supplier<UnpackedCode> unpacked(FunctionConfig config) {
        return () -> {
            UnpackedCode code;
            try (InputStream in = packages.open(config.codeBlobId())) {
                code = ProcessRuntimes.handles(config.runtime()) ? new UnpackedCode(layerUnpacker.unpackAll(in, "fn-"), List.of())
                        : unpacker.unpack(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Path> roots = new ArrayList<>();
            try {
                for (FunctionLayer layer : config.layers()) {
                    try (InputStream in = packages.open(layer.blobId())) {
                        roots.add(layerUnpacker.unpack(in));
                    }
                }
            } catch (IOException | RuntimeException e) {
                CodeUnpacker.delete(code.directory());
                roots.forEach(CodeUnpacker::delete);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            return LayerUnpacker.withLayers(code, roots);
        };
    }
}

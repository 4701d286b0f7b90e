package dev.cloudjar.services.lambda.layered;

/** Packaged in a layer as a class file under java/. */
public final class Whisper {
    private Whisper() {
    }

    public static String soft(String text) {
        return "(" + text.toLowerCase(java.util.Locale.ROOT) + ")";
    }
}

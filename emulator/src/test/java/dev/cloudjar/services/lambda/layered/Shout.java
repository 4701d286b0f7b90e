package dev.cloudjar.services.lambda.layered;

/** Packaged in a layer as java/lib/shout.jar. */
public final class Shout {
    private Shout() {
    }

    public static String loud(String text) {
        return text.toUpperCase(java.util.Locale.ROOT) + "!";
    }
}

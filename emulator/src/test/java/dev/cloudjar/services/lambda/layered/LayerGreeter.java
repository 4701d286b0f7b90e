package dev.cloudjar.services.lambda.layered;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A handler whose dependencies are not in its package: Shout comes from a layer's java/lib jar, Whisper from a layer's java/ folder. */
public class LayerGreeter implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String name, Context context) {
        return Shout.loud("hello " + name) + " " + Whisper.soft("bye");
    }
}

package dev.cloudjar.bench;

import io.javalin.Javalin;

/**
 * The bare Javalin hello-world the start workload compares CloudJar with: one route answering
 * {@code GET /}. It runs from a small jar the benchmark writes whose manifest puts the emulator jar
 * (which holds Javalin and Jetty) on the class path, so it is started exactly as CloudJar is:
 * {@code java -jar hello.jar PORT}.
 */
public final class JavalinHello {
    private JavalinHello() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.get("/", ctx -> ctx.result("hello"));
        }).start();
    }
}

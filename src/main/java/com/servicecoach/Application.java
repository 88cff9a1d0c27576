package com.servicecoach;

import com.servicecoach.benchmark.BenchmarkCommand;
import com.servicecoach.interaction.ImportInteractionsCommand;
import com.servicecoach.report.ReportCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the web server, or, when the first argument names a command, runs that command without the server
 * ({@code java -jar target/servicecoach.jar import-interactions FILE ...}).
 */
@OpenAPIDefinition(info = @Info(title = "ServiceCoach", version = "1",
        description = "Training and evaluation of e-commerce customer-service agents. Sign in with HTTP Basic or a bearer token from POST /api/login."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    /** The command-line commands by name. A new command is a {@link Command} bean added here. */
    static final Map<String, Class<? extends Command>> COMMANDS = new TreeMap<>(Map.of(
            "import-interactions", ImportInteractionsCommand.class,
            "benchmark", BenchmarkCommand.class,
            "report", ReportCommand.class));

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.containsKey(args[0])) {
            System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
        }
        Micronaut.run(Application.class, args);
    }

    /** Runs a command in an application context without the HTTP server; returns its exit code. */
    static int runCommand(String name, List<String> args) {
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("servicecoach.content.watch", false,
                        "servicecoach.reports.monthly-job", false,
                        // a command that serves HTTP (the benchmark) takes any free port
                        "micronaut.server.port", -1))
                .start()) {
            return context.getBean(COMMANDS.get(name)).run(args, System.out, System.err);
        }
    }
}

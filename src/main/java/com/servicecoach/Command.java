package com.servicecoach;

import java.io.PrintStream;
import java.util.List;

/**
 * A command run from the command line instead of the web server:
 * {@code java -jar servicecoach.jar NAME ARGS...}. Commands are beans (the database is chosen as for the
 * server) and are listed by name in {@link Application#COMMANDS}.
 */
public interface Command {

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @return the process exit code: 0 for success, 1 for a failure, 2 for bad arguments
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

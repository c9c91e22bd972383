package org.openbudget.web.db;

/** A serve's database in a process of its own, for {@link RestartAfterCrashTest} to kill with SIGKILL (kill -9). */
public final class CrashedServerMain {
    private CrashedServerMain() {
    }

    public static void main(String[] args) throws Exception {
        var db = new DatabaseConfig().embeddedDb("", args[0], false, false);
        System.out.println("READY " + db.pg().getPort());
        System.out.flush();
        Thread.sleep(600_000);
    }
}

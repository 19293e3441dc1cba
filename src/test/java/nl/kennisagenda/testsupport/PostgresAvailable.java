package nl.kennisagenda.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests when the server is reachable, and always in CI (CI=true), where an unreachable server must
 * fail the build rather than skip. Only a developer machine without PostgreSQL skips them.
 */
public class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI: PostgreSQL tests always run");
        }
        if (LocalPostgres.reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL not reachable and CI is not set");
    }
}

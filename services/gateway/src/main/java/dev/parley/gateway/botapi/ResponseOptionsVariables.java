package dev.parley.gateway.botapi;

import java.util.List;

/**
 * Whether and which variables to return: all of them, those named in {@code filter}, and with {@code onlyChanged}
 * only those the turn set, changed or cleared (a cleared variable is absent from the reply, so it is not listed).
 */
record ResponseOptionsVariables(Boolean include, List<String> filter, Boolean onlyChanged) {

    ResponseOptionsVariables {
        Fields.required("include", include);
        Fields.required("onlyChanged", onlyChanged);
        filter = Fields.atMost("filter", filter, Fields.MAX_VARIABLES);
    }
}

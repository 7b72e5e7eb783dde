package dev.parley.gateway.botapi;

import java.util.List;

/**
 * Whether and which variables to return. {@code onlyChanged} is required by the spec but the gateway returns the
 * filtered variables whether they changed or not.
 */
record ResponseOptionsVariables(Boolean include, List<String> filter, Boolean onlyChanged) {

    ResponseOptionsVariables {
        Fields.required("include", include);
        Fields.required("onlyChanged", onlyChanged);
        filter = Fields.atMost("filter", filter, Fields.MAX_VARIABLES);
    }
}

package dev.parley.callout.invocation;

import dev.parley.callout.http.OutboundRequest;
import dev.parley.callout.http.OutboundResponse;
import java.util.Map;

/** How one kind of endpoint turns inputs into a request and a 2xx answer into outputs. */
interface CallPlan {

    /**
     * The request, without authentication.
     *
     * @throws dev.parley.callout.CalloutFailure MAPPING_ERROR when the inputs do not fit
     */
    OutboundRequest request(Map<String, Object> inputs, String invocationId);

    /**
     * The outputs of a 2xx answer.
     *
     * @throws dev.parley.callout.CalloutFailure MAPPING_ERROR when the answer does not fit the mapping, HTTP_ERROR
     *                                           when a 2xx answer reports a failure (a flow that did not succeed)
     */
    Map<String, Object> outputs(OutboundResponse response);

    /** A short description of a non-2xx answer for the invocation error's message. */
    String errorMessage(OutboundResponse response);
}

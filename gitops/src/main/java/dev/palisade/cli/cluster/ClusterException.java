package dev.palisade.cli.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A cluster operation that failed, as one line for the user: which object, what the API server
 * said, and what to do about it. Commands print {@code palisade: } + the message and exit 1.
 */
public final class ClusterException extends RuntimeException {
    public ClusterException(String message) {
        super(message);
    }

    /**
     * Explains a failed request.
     *
     * @param verb what Palisade was doing ({@code create}, {@code list}, ...)
     * @param what the object or kind, as the output lines name it
     */
    static ClusterException of(String verb, String what, String masterUrl, KubernetesClientException e) {
        String said = serverMessage(e);
        // fabric8 reports a request that got no HTTP answer (refused, timed out, TLS) with code -1 or 0.
        int code = Math.max(e.getCode(), 0);
        String advice = switch (code) {
            case 401 -> "the cluster does not accept these credentials; check --kubeconfig and --context";
            case 403 -> "forbidden; give the account RBAC permission to " + verb + " it";
            case 404 -> "the cluster does not serve this kind or has no such namespace;"
                    + " install the kind's CRD (Calico, Calico Enterprise) or create the namespace,"
                    + " or leave the backend out with --backend";
            case 409 -> "it changed while Palisade was applying; run the command again";
            case 422 -> "the API server rejected it as invalid; check the CRD version the cluster runs";
            case 0 -> "cannot reach the cluster at " + masterUrl + "; check --kubeconfig and --context";
            default -> "the API server answered " + e.getCode();
        };
        return new ClusterException("cannot " + verb + " " + what + ": " + advice + (said.isEmpty() ? "" : " (" + said + ")"));
    }

    /** The API server's own words, or else the innermost cause's (the network's), on one line. */
    private static String serverMessage(KubernetesClientException e) {
        String message = "";
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            message = e.getStatus().getMessage();
        } else {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null) {
                    message = cause.getMessage();
                }
            }
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}

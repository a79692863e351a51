package dev.palisade.cli.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster to talk to: kubectl's kubeconfig and context options, the same defaults. */
public final class ClusterOptions {
    /** A CLI should fail in seconds, not retry for minutes as a controller would (fabric8's default is 10 retries). */
    private static final int RETRIES = 2;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or the pod's service account)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current context)")
    String context;

    /** A client for the chosen cluster; nothing is sent until the first request. */
    public KubernetesClient connect() {
        Config config;
        try {
            if (kubeconfig != null) {
                if (!Files.isReadable(kubeconfig)) {
                    throw new ClusterException("cannot read kubeconfig " + kubeconfig);
                }
                config = Config.fromKubeconfig(context, new File(kubeconfig.toString()));
            } else {
                config = Config.autoConfigure(context);
            }
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new ClusterException("cannot load the kubeconfig: " + e.getMessage());
        }
        if (context != null && (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName()))) {
            throw new ClusterException("no context `" + context + "` in the kubeconfig; `kubectl config get-contexts` lists them");
        }
        config.setRequestRetryBackoffLimit(RETRIES);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}

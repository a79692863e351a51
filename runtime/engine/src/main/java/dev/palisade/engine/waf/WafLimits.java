package dev.palisade.engine.waf;

/**
 * Request body settings: {@code SecRequestBodyAccess}, {@code SecRequestBodyLimit},
 * {@code SecRequestBodyNoFilesLimit}, {@code SecArgumentSeparator}, and the argument/JSON limits.
 */
public record WafLimits(boolean bodyAccess, long bodyLimit, long noFilesLimit, char argumentSeparator,
        int maxArguments, int jsonDepth) {

    /** ModSecurity's recommended configuration: 13 MiB bodies, 128 KiB without files, {@code &}. */
    public static final WafLimits DEFAULT = new WafLimits(true, 13_107_200, 131_072, '&', 1000, 512);
}

package dev.palisade.proxy.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The header as Envoy and Istio write it (Envoy's docs: "x-forwarded-client-cert"). */
class ForwardedClientCertTest {
    private static final SpiffeId CHECKOUT = new SpiffeId("cluster.local", "shop", "checkout");

    private static Optional<SpiffeId> caller(String... values) {
        return ForwardedClientCert.caller(List.of(values));
    }

    @Test
    void theUriOfTheOnlyElementNamesTheCaller() {
        assertEquals(Optional.of(CHECKOUT), caller("By=spiffe://cluster.local/ns/shop/sa/orders;"
                + "Hash=468ed33be74eee6556d90c0149c1309e9ba61d6425303443c0748a02dd8de688;"
                + "Subject=\"CN=checkout,O=shop\";URI=spiffe://cluster.local/ns/shop/sa/checkout"));
    }

    @Test
    void quotedValuesMayHoldSeparatorsAndEscapedQuotes() {
        assertEquals(Optional.of(CHECKOUT), caller("Subject=\"CN=a;b, \\\"c\\\"\";URI=spiffe://cluster.local/ns/shop/sa/checkout"));
    }

    @Test
    void theLastElementIsTheNearestHopsCaller() {
        assertEquals(Optional.of(CHECKOUT), caller("URI=spiffe://cluster.local/ns/edge/sa/gateway,"
                + "By=spiffe://cluster.local/ns/shop/sa/orders;URI=spiffe://cluster.local/ns/shop/sa/checkout"));
        assertEquals(Optional.of(CHECKOUT), caller("URI=spiffe://cluster.local/ns/edge/sa/gateway",
                "URI=spiffe://cluster.local/ns/shop/sa/checkout"));
    }

    @Test
    void nothingTrustworthyMeansNoCaller() {
        assertEquals(Optional.empty(), caller());
        assertEquals(Optional.empty(), caller("Hash=abc;DNS=checkout.shop.svc"), "no URI");
        assertEquals(Optional.empty(), caller("URI=https://checkout.example"), "not a SPIFFE id");
        assertEquals(Optional.empty(), caller("URI=spiffe://cluster.local/ns/shop/sa/checkout;Subject=\"CN=x"),
                "unterminated quote");
        assertEquals(Optional.empty(), caller("URI=spiffe://cluster.local/ns/a/sa/b;URI=spiffe://cluster.local/ns/c/sa/d"),
                "two URIs in one element");
        assertEquals(Optional.empty(), caller("URI=spiffe://cluster.local/ns/shop/sa/checkout,"),
                "the nearest hop named nobody");
    }
}

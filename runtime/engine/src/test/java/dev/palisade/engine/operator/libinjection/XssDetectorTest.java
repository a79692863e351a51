package dev.palisade.engine.operator.libinjection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API on hand-picked inputs: one per kind of check, and ordinary text. */
class XssDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<IFRAME SRC=x>",
        "<svg/onload=alert(1)>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\" &#x6A;ava&#x0A;script:alert(1)\">",
        "<a href=vbscript:msgbox(1)>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD4=\">",
        "<div style=\"x:expression(alert(1))\">",
        "<!DOCTYPE html>",
        "<!--[if IE]><script>alert(1)</script><![endif]-->",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)",
        "x onclick=alert(1)",
        "<svg><animate attributeName=onload values=alert(1)>",
        "<a \u00ff onclick=alert(1)>", // upstream stops at a 0xFF byte here; we do not
    })
    void detects(String input) {
        assertTrue(XssDetector.detect(input), input);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "hello world", "a < b and b > c", "<b>bold</b> and <i>italic</i>", "<a href=\"https://example.com\">link</a>",
        "<img src=\"/logo.png\" alt=\"logo\">", "one=1&two=2", "5 > 3", "<p class=note>text</p>",
    })
    void passesOrdinaryText(String input) {
        assertFalse(XssDetector.detect(input), input);
    }
}

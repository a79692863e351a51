/**
 * Request parsing for the WAF engine: the variables libmodsecurity 3.0.9 (Debian 12, the oracle
 * Palisade is compared with) derives from the query string, Cookie headers and the request body.
 *
 * <ul>
 *   <li>{@link dev.palisade.engine.waf.body.UrlEncodedForm}: {@code ARGS_GET}, {@code ARGS_POST}
 *       ({@code URLENCODED}), {@code URLENCODED_ERROR}, {@code QUERY_STRING};</li>
 *   <li>{@link dev.palisade.engine.waf.body.Cookies}: {@code REQUEST_COOKIES}, {@code REQUEST_COOKIES_NAMES};</li>
 *   <li>{@link dev.palisade.engine.waf.body.MultipartParser}: {@code ARGS_POST}, {@code FILES*},
 *       {@code MULTIPART_PART_HEADERS}, {@code MULTIPART_*} flags;</li>
 *   <li>{@link dev.palisade.engine.waf.body.JsonBody}, {@link dev.palisade.engine.waf.body.XmlBody}:
 *       {@code ARGS_POST} named {@code json.*}, the {@code XML} collection;</li>
 *   <li>{@link dev.palisade.engine.waf.body.BodyProcessors}: which processor a Content-Type gets, and
 *       running it into a {@link dev.palisade.engine.waf.body.BodyParseResult}.</li>
 * </ul>
 *
 * <p>All text is byte strings (one char per byte, ISO-8859-1), as in {@code WafRequest}. Every class is
 * stateless or immutable, so safe to share between threads; nothing here does I/O. Behaviour was
 * checked against the library itself (a C harness feeding libmodsecurity 3.0.9 and dumping every
 * variable from its debug log), over all CRS 3.3.4 regression-test bodies and random multipart and
 * JSON bodies; the remaining known differences are listed in each class.
 */
package dev.palisade.engine.waf.body;

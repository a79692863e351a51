/*
 * The Palisade policy language. One file holds tiers, policies and tests.
 * Keywords are reserved only where the grammar needs them; `name` accepts most keywords so
 * that a policy may be called `default` or `test`.
 * Whitespace, including CRLF and a byte-order mark, separates tokens and is otherwise ignored.
 */
grammar Palisade;

file : declaration* EOF ;

declaration
    : tierDecl
    | policyDecl
    | testDecl
    ;

// tier platform order 100 default pass
tierDecl : TIER name ORDER number (DEFAULT defaultAction=(DENY | PASS))? ;

policyDecl : POLICY name LBRACE policyItem* RBRACE ;

policyItem
    : NAMESPACE string                                  # namespaceSetting
    | SELECTOR string                                   # selectorSetting
    | TIER name                                         # tierSetting
    | ORDER number                                      # orderSetting
    | ALP LBRACE alpRule* RBRACE                        # alpBlock
    | WAF LBRACE wafItem* RBRACE                        # wafBlock
    | LOG LBRACE logItem* RBRACE                        # logBlock
    | ID braces                                         # unknownBlock
    ;

// Balanced braces, so an unknown block is skipped whole and reported once.
braces : LBRACE (braces | ~(LBRACE | RBRACE))* RBRACE ;

// ---- application layer policy ----------------------------------------------------------------

alpRule : action=(ALLOW | DENY) methodList? pathClause? sourceClause* ;

methodList : method (COMMA method)* ;
method : ID | string | STAR ;

pathClause : PATH pathMatch (COMMA pathMatch)* ;
pathMatch : kind=(EXACT | PREFIX) string ;

sourceClause
    : FROM SERVICEACCOUNT string (COMMA string)*        # fromServiceAccount
    | FROM NAMESPACE string (COMMA string)*             # fromNamespace
    ;

// ---- web application firewall (checked now, compiled by the WAF) ------------------------------

wafItem
    : MODE name                                                           # wafMode
    | CRS crsSetting+                                                     # crsSettings
    | EXCLUDE RULE ruleIdList (FOR variable)? (ON PATH pathMatch (COMMA pathMatch)*)?   # exclusion
    | RULE number string LBRACE customRuleItem* RBRACE                    # customRule
    | SECLANG INCLUDE string                                              # seclangInclude
    | SECLANG string                                                      # seclangInline
    ;

// crs paranoia 2 | crs version 4 dir "/opt/crs-4.28.0" blocking-paranoia 2 early-blocking ...
// The other settings (version, dir, blocking-paranoia, detection-paranoia, early-blocking,
// arg-length, ...) are words the checks know (CheckWafBlocks), not keywords, so they stay usable
// as names elsewhere.
crsSetting
    : PARANOIA number
    | INBOUND_THRESHOLD number
    | OUTBOUND_THRESHOLD number
    | RULES string
    | ID (number | string)?
    ;

ruleIdList : ruleIdRange (COMMA ruleIdRange)* ;
ruleIdRange : number (MINUS number)? ;

customRuleItem
    : PHASE name                                        # rulePhase
    | WHEN condition                                    # ruleCondition
    | DENY number?                                      # ruleDeny
    | name (number | string)?                           # ruleAction
    ;

// ARGS:username, REQUEST_HEADERS:User-Agent | urlDecodeUni lowercase @detectSQLi
condition : variable (COMMA variable)* (PIPE name+)? negated=BANG? OPERATOR string? ;
variable : BANG? AMPERSAND? name (COLON (name | string))? ;

// ---- logging ---------------------------------------------------------------------------------

logItem
    : INTERVAL DURATION                                  # logInterval
    | REQUESTS_PER_INTERVAL (number | ALL)               # logRequestsPerInterval
    ;

// ---- tests -----------------------------------------------------------------------------------

testDecl : TEST name LBRACE testItem* RBRACE ;

testItem
    : LABELS label (COMMA label)*                       # testLabels
    | NAMESPACE string                                  # testNamespace
    | method string requestPart* arrow expectation       # testCase
    | PROPERTY string LBRACE propertyItem* RBRACE        # testProperty
    ;

label : labelKey EQUALS string ;
labelKey : name (SLASH name)? ;

requestPart
    : FROM SERVICEACCOUNT string (NAMESPACE string)?    # requestSource
    | FROM NAMESPACE string                             # requestSourceNamespace
    | HEADER string EQUALS string                       # requestHeader
    | FORM field+                                       # requestForm
    | JSON string                                       # requestJson
    | BODY string                                       # requestBody
    | COOKIE field+                                     # requestCookies
    | MULTIPART part+                                   # requestMultipart
    ;

field : name EQUALS string ;

// multipart note="hi" upload=file "a.php" "<?php ?>": a field, then a file (its name, its content)
part : name EQUALS (FILE filename=string)? content=string ;

arrow : ARROW ;

expectation
    : ALLOW QUIETLY? decider?                                   # expectAllow
    | DENY number? (RULE number (COMMA number)*)? decider?      # expectDeny
    ;

// What decided, as `palisade test --verbose` prints it: by policy www rule 2, by default of tier
// platform, by default (a tier's or the end's), at the end of all tiers.
decider
    : BY POLICY name RULE number                        # decidedByRule
    | BY DEFAULT (OF TIER name)?                        # decidedByDefault
    | AT THE END OF ALL TIERS                           # decidedAtEnd
    ;

// for all GET, HEAD paths not in ["/", "/robots.txt"] -> deny
// for all POST paths under "/api" from serviceaccount "checkout" -> allow
// for all GET paths in ["/search"] form q from "corpus/queries.txt" -> allow quietly
propertyItem : FOR ALL methodList? PATHS pathSet? propertySource? propertyForm? arrow expectation ;
propertySource
    : FROM SERVICEACCOUNT string (NAMESPACE string)?    # propertyServiceAccount
    | FROM NAMESPACE string                             # propertyNamespace
    ;
propertyForm : FORM name FROM string ;
pathSet
    : NOT? IN LBRACKET string (COMMA string)* RBRACKET   # pathsIn
    | NOT? UNDER string                                  # pathsUnder
    ;

// ---- shared ----------------------------------------------------------------------------------

string : STRING | RAW_STRING | RAW_BLOCK ;
number : NUMBER ;

name
    : ID | TIER | ORDER | DEFAULT | PASS | NAMESPACE | SELECTOR | ALP | WAF | LOG | ALLOW
    | PATH | EXACT | PREFIX | MODE | CRS | PARANOIA | RULES | EXCLUDE | RULE | FOR | ON | SECLANG
    | INCLUDE | PHASE | WHEN | INTERVAL | ALL | TEST | LABELS | PROPERTY | HEADER | FORM | JSON
    | BODY | PATHS | NOT | IN | UNDER | SERVICEACCOUNT | FROM | QUIETLY
    | COOKIE | MULTIPART | FILE | BY | OF | AT | THE | END | TIERS
    ;

// ---- lexer -----------------------------------------------------------------------------------

TIER : 'tier' ;
ORDER : 'order' ;
DEFAULT : 'default' ;
DENY : 'deny' ;
PASS : 'pass' ;
POLICY : 'policy' ;
NAMESPACE : 'namespace' ;
SELECTOR : 'selector' ;
ALP : 'alp' ;
WAF : 'waf' ;
LOG : 'log' ;
ALLOW : 'allow' ;
PATH : 'path' ;
PATHS : 'paths' ;
EXACT : 'exact' ;
PREFIX : 'prefix' ;
FROM : 'from' ;
SERVICEACCOUNT : 'serviceaccount' ;
MODE : 'mode' ;
CRS : 'crs' ;
PARANOIA : 'paranoia' ;
INBOUND_THRESHOLD : 'inbound-threshold' ;
OUTBOUND_THRESHOLD : 'outbound-threshold' ;
RULES : 'rules' ;
EXCLUDE : 'exclude' ;
RULE : 'rule' ;
FOR : 'for' ;
ON : 'on' ;
SECLANG : 'seclang' ;
INCLUDE : 'include' ;
PHASE : 'phase' ;
WHEN : 'when' ;
INTERVAL : 'interval' ;
REQUESTS_PER_INTERVAL : 'requests-per-interval' ;
ALL : 'all' ;
TEST : 'test' ;
LABELS : 'labels' ;
PROPERTY : 'property' ;
HEADER : 'header' ;
FORM : 'form' ;
JSON : 'json' ;
BODY : 'body' ;
NOT : 'not' ;
IN : 'in' ;
UNDER : 'under' ;
QUIETLY : 'quietly' ;
COOKIE : 'cookie' ;
MULTIPART : 'multipart' ;
FILE : 'file' ;
BY : 'by' ;
OF : 'of' ;
AT : 'at' ;
THE : 'the' ;
END : 'end' ;
TIERS : 'tiers' ;

ARROW : '->' | '\u2192' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
COMMA : ',' ;
COLON : ':' ;
PIPE : '|' ;
BANG : '!' ;
AMPERSAND : '&' ;
STAR : '*' ;
MINUS : '-' ;
SLASH : '/' ;
EQUALS : '=' ;

DURATION : [0-9]+ ('ms' | 's' | 'm' | 'h') ;
NUMBER : [0-9]+ ;
OPERATOR : '@' [a-zA-Z0-9_]+ ;
ID : [a-zA-Z_] [a-zA-Z0-9_.\-]* ;

// "..." with escapes, '...' raw (no escapes: selectors quote with "), '''...''' raw over lines.
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
RAW_BLOCK : '\'\'\'' .*? '\'\'\'' ;
RAW_STRING : '\'' ~['\r\n]* '\'' ;

// Unterminated strings and comments are tokens of their own, so the error names what is wrong
// and where it began instead of complaining about the next character.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? | '\'' ~['\r\n]* ;
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS : [ \t\r\n\f\uFEFF]+ -> channel(HIDDEN) ;

INVALID_CHARACTER : . ;

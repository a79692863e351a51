/*
 * ModSecurity's configuration language at the directive level: one directive a line, its
 * arguments double-quoted or bare. A backslash at the end of a line continues the directive on
 * the next, also inside a quoted argument (the Core Rule Set writes every action list that way).
 * The inside of arguments (variables, operator, actions) is parsed separately, in
 * dev.palisade.dsl.seclang, where errors can point into the string.
 */
grammar SecLang;

file : (directive | NEWLINE)* EOF ;

directive : NAME argument* (NEWLINE | EOF) ;

argument : QUOTED | BARE | NAME ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
CONTINUATION : '\\' [ \t]* ('\r'? '\n' | '\r') -> channel(HIDDEN) ;
NEWLINE : ('\r'? '\n' | '\r')+ ;
WS : [ \t\f\uFEFF]+ -> channel(HIDDEN) ;

NAME : [A-Za-z] [A-Za-z0-9_]* ;

// Inside quotes a backslash escapes the next character; a backslash before a line end continues.
QUOTED : '"' ( '\\' [ \t]* ('\r'? '\n' | '\r') | '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
UNTERMINATED_QUOTED : '"' ( '\\' [ \t]* ('\r'? '\n' | '\r') | '\\' ~[\r\n] | ~["\\\r\n] )* '\\'? ;

BARE : ( ~[ \t\r\n"#\\] | '\\' ~[ \t\r\n] ) ( ~[ \t\r\n"\\] | '\\' ~[ \t\r\n] )* ;
STRAY : . ;

/*
 * Calico selector expressions, as written inside a policy's `selector '...'` string.
 * Follows Calico's tokenizer (libcalico-go lib/selector/tokenizer): values are quoted with
 * '...' or "..." and have no escapes; `!` binds tighter than `&&`, which binds tighter than `||`.
 * Errors never recover: SelectorParser installs a strategy that stops at the first one, so the
 * lexer's catch-all tokens below exist only to be reported, never to be skipped.
 */
grammar Selector;

selector : expr EOF ;

expr : andExpr (OR andExpr)* ;

andExpr : unary (AND unary)* ;

unary
    : BANG unary #negation
    | primary    #atom
    ;

primary
    : ALL_OPEN RPAREN            #all
    | HAS_OPEN labelKey RPAREN   #has
    | LPAREN expr RPAREN         #parens
    | labelKey operator          #comparison
    ;

operator
    : EQ value           #equals
    | NE value           #notEquals
    | IN set             #in
    | NOT IN set         #notIn
    | CONTAINS value     #contains
    | STARTS WITH value  #startsWith
    | ENDS WITH value    #endsWith
    ;

set : LBRACE (value (COMMA value)*)? RBRACE ;

value : STRING ;

// Calico reads these words as operators only after a label, so they are also valid label names.
labelKey : LABEL | IN | NOT | CONTAINS | STARTS | WITH | ENDS ;

// `has(` and `all(` are single tokens so that `has` and `all` stay usable as label names.
HAS_OPEN : 'has(' ;
ALL_OPEN : 'all(' ;
IN : 'in' ;
NOT : 'not' ;
CONTAINS : 'contains' ;
STARTS : 'starts' ;
ENDS : 'ends' ;
WITH : 'with' ;
EQ : '==' ;
NE : '!=' ;
AND : '&&' ;
OR : '||' ;
BANG : '!' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
COMMA : ',' ;
LABEL : [A-Za-z0-9_./-]+ ;
STRING : '"' ~["]* '"' | '\'' ~[']* '\'' ;
// Longest match prefers STRING whenever the closing quote exists.
UNTERMINATED_STRING : '"' ~["]* | '\'' ~[']* ;
WS : [ \t\r\n]+ -> skip ;
UNEXPECTED_CHARACTER : . ;

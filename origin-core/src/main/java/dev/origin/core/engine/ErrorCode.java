package dev.origin.core.engine;

import static dev.origin.core.engine.Diagnostic.Severity.ERROR;
import static dev.origin.core.engine.Diagnostic.Severity.INFO;
import static dev.origin.core.engine.Diagnostic.Severity.WARNING;

import dev.origin.core.engine.Diagnostic.Severity;

/**
 * The error catalogue: every stable code that readers, the engine and the command line report, with
 * its default severity and its message (one plain sentence, the user's value in backticks, no Java
 * type names). A code that is worded differently in different places keeps its other wordings as
 * {@link Variant}s of the same code. Each code is explained, with an example, in {@code docs/errors.md}.
 *
 * <pre>{@code
 * Diagnostic.of(ErrorCode.MISSING_VALUE, good.id(), path, path)   // Material `m1` has no value.
 * ErrorCode.BAD_HS.message("87")                                 // `87` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`).
 * }</pre>
 *
 * <p>Severity: ERROR means the input does not allow the determination asked for (a reader reports every
 * problem of a file as an error, whatever the code's default); WARNING that a result was given on an
 * assumption or with something not evaluated; INFO a note that changes nothing.
 */
public enum ErrorCode implements ErrorTemplate {
    // ------------------------------------------------------------ reading a file
    UNREADABLE(ERROR, "The file `{file}` cannot be read."),
    NO_SUCH_FILE(ERROR, "The tariff file `{file}` does not exist or is not a file."),
    EMPTY_DOCUMENT(ERROR, "The file is empty."),
    BAD_JSON(ERROR, "The file is not valid JSON: {reason}."),
    BAD_YAML(ERROR, "The file is not valid YAML: {reason}."),
    TRAILING_CONTENT(ERROR, "The document has content after its end."),
    DUPLICATE_KEY(ERROR, "The field `{field}` appears twice."),
    TOO_DEEP(ERROR, "The document nests lists and objects more than {limit} levels deep."),
    NUMBER_TOO_LONG(ERROR, "The number `{value}` has more digits than Origin reads: at most {integer} before the decimal point and {fraction} after it."),
    TOO_LARGE(ERROR, "The bills of materials expand to more than {limit} material lines (goods named by `ref` count at each use)."),
    CANNOT_WRITE(ERROR, "The output file `{file}` cannot be written: {reason}."),

    // ------------------------------------------------------------ fields of JSON / YAML documents
    UNKNOWN_FIELD(ERROR, "The field `{field}` is not known here."),
    MISSING_FIELD(ERROR, "The required field `{field}` is missing."),
    EMPTY_VALUE(ERROR, "The field `{field}` is empty."),
    BAD_TYPE(ERROR, "Expected {what} ({shape}) but found {found}."),
    BAD_VALUE(ERROR, "`{value}` is not one of {allowed}."),
    BAD_NUMBER(ERROR, "`{value}` is not a decimal number."),
    NEGATIVE_AMOUNT(ERROR, "The amount `{amount}` is negative."),
    OVER_PRECISE_AMOUNT(ERROR, "The amount `{amount}` has more than {scale} decimals; round it as your books do before giving it."),
    BAD_PERCENT(ERROR, "The percentage `{value}` is not between 0 and 100."),
    BAD_COUNT(ERROR, "`{value}` is not a whole, non-negative number."),
    BAD_DATE(ERROR, "`{value}` is not a date of the form YYYY-MM-DD."),
    BAD_HS(ERROR, "`{value}` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`)."),
    BAD_COUNTRY(ERROR, "`{value}` is not an ISO 3166 alpha-2 country code (e.g. `MX`)."),
    UNEXPECTED_FIELD(ERROR, "Only a self-produced material can have a `{field}`."),

    // ------------------------------------------------------------ case files
    NO_GOODS(ERROR, "The case file has no goods."),
    DUPLICATE_ID(ERROR, "The {kind} id `{id}` is used twice."),
    UNKNOWN_REF(ERROR, "No good with id `{ref}` is in this file."),
    BOM_CYCLE(ERROR, "The bill of materials is circular: {cycle}."),
    NOT_SELF_PRODUCED(ERROR, "Only a self-produced material can be designated an intermediate material."),
    SHIPPING_EXCEEDS_VALUE(ERROR, "International shipping `{shipping}` exceeds the transaction value `{value}`."),
    NET_COST_EXCEEDS_TOTAL(ERROR, "Net cost `{netCost}` exceeds total cost `{totalCost}`."),
    EXCLUDED_EXCEEDS_TOTAL(ERROR, "Excluded costs `{excluded}` exceed total cost `{totalCost}`."),
    AMOUNT_EXCEEDS_VALUE(ERROR, "The originating amount `{amount}` exceeds the material's value `{value}`."),
    AMOUNT_EXCEEDS_TOTAL(ERROR, "Originating {metal} purchases `{originating}` exceed the total `{total}`."),
    VNM_EXCEEDS_NET_COST(ERROR, "The part's VNM `{vnm}` exceeds its net cost `{netCost}`."),
    BAD_COMPONENTS(ERROR, "The VNM of column-2 components `{components}` exceeds the part's whole VNM `{vnm}`."),
    BAD_TRACING(ERROR, "Tracing data gives exactly one of `value`, `rvc`, `rvcRequirement` or `full: true`."),
    BAD_STATEMENT(ERROR, "A supplier statement gives either `netCost` and `vnm`, or `originatingAmount`."),
    BAD_PURCHASES(ERROR, "Give either `originating` and `total`, or `purchases`, not both."),
    BAD_INTANGIBLES(ERROR, "North American intangibles `{northAmerican}` exceed the total `{total}`."),
    BAD_PERIOD(ERROR, "The averaging period ends ({to}) before it starts ({from})."),

    // ------------------------------------------------------------ rules and rule packs
    RULE_SYNTAX(ERROR, "{reason}"),
    BAD_RULE(ERROR, "A rule must be one of `allOf`, `anyOf`, `tariffShift`, `rvc`, `whollyObtained: true` or `noChangeRequired: true`."),
    EMPTY_RULE_LIST(ERROR, "`{field}` needs at least one {item}."),
    UNKNOWN_REGIME(ERROR, "`{regime}` is neither a built-in regime ({builtIn}) nor a rule-pack file."),
    UNKNOWN_PARAM(ERROR, "The pack `{pack}` has no parameter `{name}`{known}."),
    BAD_PARAM(ERROR, "The parameter `{name}` takes a number, not `{value}`."),
    UNKNOWN_TABLE(ERROR, "`{name}` names no table of this pack ({tables})."),

    // ------------------------------------------------------------ tariff schedules
    BAD_IMPORTER(ERROR, "`{value}` is not an ISO 3166 alpha-2 country code in capitals (e.g. `US`, `CA`, `MX`)."),
    BAD_DATES(ERROR, "The rate ends ({until}) before it starts ({from})."),
    EMPTY_SCOPE(ERROR, "The list `{field}` is empty; give at least one HS provision."),
    DUPLICATE_SCOPE(ERROR, "`{scope}` for {importer} is already given at {other} (line {line}) from the same date; keep one, or give this one a later `from`."),

    // ------------------------------------------------------------ CSV files and the HS nomenclature
    BAD_CSV(ERROR, "The text cannot be read as CSV from here."),
    BAD_HS_FILE(ERROR, "The file is not UTF-8 text."),
    UNKNOWN_HS_CODE(WARNING, "The HS code `{code}` is not in the {edition} nomenclature{national}{context}."),

    // ------------------------------------------------------------ evaluation: the input does not allow a determination
    MISSING_VALUE(ERROR, "Material `{path}` has no value."),
    TOTAL_COST_TOO_LOW(ERROR, "Total cost `{totalCost}` is less than the materials it contains (`{materials}`)."),
    NONPOSITIVE_BASIS(ERROR, "The {basis} of `{subject}` is `{value}`, so no RVC can be computed."),
    NESTED_DESIGNATION(ERROR, "Self-produced material `{path}` and the intermediate material `{outer}` it is part of are both subject to an RVC, "
            + "so only one of them may be designated ({citation}); remove one designation."),
    LVC_EXCEEDS_COST(ERROR, "High-wage labour `{labour}` and high-wage materials `{materials}` add up to `{sum}`, more than the net cost "
            + "`{netCost}` they are part of (an LVC of {lvc} %)."),
    NO_RULE(ERROR, "The rule pack `{regime}` has no product-specific rule for HS {hs}; give a `rule` in the case file."),

    // ------------------------------------------------------------ evaluation: a requirement lacks the facts it needs
    MISSING_FACTS(WARNING, "Requirement `{requirement}` could not be evaluated because the file lacks {facts}."),
    MISSING_COST(WARNING, "`{subject}` has no {what}, which rule `{rule}` needs."),
    MISSING_TRANSACTION_VALUE(WARNING, "`{subject}` has no {what}, which rule `{rule}` needs."),
    MISSING_CORE_PARTS(WARNING, "`{subject}` has no {what}, which rule `{rule}` needs."),
    MISSING_LABOUR_DATA(WARNING, "`{subject}` has no {what}, which rule `{rule}` needs."),
    MISSING_PURCHASES(WARNING, "`{subject}` has no {what}, which rule `{rule}` needs."),

    // ------------------------------------------------------------ evaluation: assumptions and notes
    REGIME_NOT_IN_FORCE(WARNING, "The regime `{regime}` is not in force on {date}; its rules are applied anyway."),
    THRESHOLD_NOT_IN_FORCE(WARNING, "Rule `{rule}` sets no threshold for {date}, so it cannot be met on that date."),
    FISCAL_YEAR_ASSUMED(WARNING, "Rule `{rule}` steps by the producer's fiscal year; none is given, so a fiscal year starting on 1 January "
            + "is assumed (give `fiscalYearStart`)."),
    AVERAGING_PERIOD(WARNING, "The averaging period {from} to {to} is neither a fiscal year of the producer (from {start}) nor a period the "
            + "regime allows{allowed}."),
    AVERAGING_SPANS_STEP(WARNING, "The averaging period {from} to {to} spans a change of the threshold of rule `{rule}` ({start} to {end} %); "
            + "the threshold at the period's start is applied."),
    DESIGNATION_NOT_AVAILABLE(WARNING, "Self-produced material `{path}` cannot be designated an intermediate material here ({citation}); "
            + "its own non-originating materials count instead."),
    HEAVY_DUTY_ROLE_DESIGNATION(WARNING, "Self-produced material `{path}` is a heavy-duty {role}, which cannot be designated an intermediate "
            + "material (SOR/94-14 s.7(4), s.10(9)(a)); its own non-originating materials count instead (s.10(1))."),
    PARTLY_LISTED_CODE(WARNING, "Material `{path}` is classified {hs}, which covers listed tariff items of {citation} as well as others; it is "
            + "counted as traced. Give its full tariff item to be exact."),
    NO_LISTED_MATERIAL_INFO(WARNING, "Listed material `{id}` ({hs}) is originating but nothing says how much non-originating material it "
            + "contains, so its full value is counted ({citation})."),
    UNCLASSIFIED_MATERIALS(WARNING, "Non-originating materials worth `{amount}` are given as a lump sum without an HS code, so rule `{rule}` "
            + "was tested on the itemised materials only; itemise them to test them."),
    PARTS_RULE_NOT_APPLICABLE(INFO, "The parts rule ({citation}) does not apply to `{subject}`: {reason}."),

    // ------------------------------------------------------------ command line
    BAD_FORMAT(ERROR, "`{value}` is not json or text."),
    BAD_SWEEP(ERROR, "`{value}` is not of the form PACK:PARAM=FROM..TO/STEP."),
    BAD_LIMIT(ERROR, "`{value}` is not a positive number of lines."),
    BAD_QUERY(ERROR, "`{value}` has no letters or digits to look for."),
    UNKNOWN_GOOD(ERROR, "No good `{id}` is in {file}."),
    MISSING_INPUT(ERROR, "Give a case file, --regime REGIME, or both."),
    MISSING_NOMENCLATURE(ERROR, "No HS nomenclature file was given and none was found at {tried}; give one with --hs-nomenclature FILE "
            + "(e.g. hs2022-harmonized-system.csv)."),
    BAD_REGULATION_XML(ERROR, "The file cannot be read as the Justice Laws XML of SOR/94-14 ({reason})."),

    // ------------------------------------------------------------ fleet files (simulation)
    NO_MODELS(ERROR, "The fleet has no models."),
    BAD_CURRENCY(ERROR, "Fleet amounts are in US dollars, not `{currency}`."),
    UNKNOWN_COUNTRY(ERROR, "`{value}` is not an ISO 3166 alpha-2 country code (e.g. `MX`)."),
    BAD_VOLUME(ERROR, "The volume `{value}` is not a whole, non-negative number."),
    NEGATIVE_PREMIUM(ERROR, "The premium `{value}` is negative; an alternative costs at least as much as the current source."),
    EXCLUDED_EXCEEDS_COSTS(ERROR, "Excluded costs `{excluded}` exceed the overhead and period costs they are part of."),
    BOM_DOES_NOT_ADD_UP(ERROR, "Model `{model}`: parts and assembly costs add up to `{sum}`, not the stated total cost `{total}`."),
    BOM_EXCEEDS_PRICE(ERROR, "Model `{model}`: parts and assembly costs `{sum}` exceed the price `{price}`."),
    MODEL_ROWS_DISAGREE(ERROR, "The rows of model `{model}` disagree on `{column}`: `{value}` here, `{first}` on row {row}."),
    MISSING_COLUMN(ERROR, "The column `{column}` is missing."),
    UNKNOWN_COLUMN(ERROR, "The column `{column}` is not known."),
    BAD_ROW(ERROR, "The row has {cells} cells, the header {header}."),
    BAD_ALTERNATIVES(ERROR, "`alt_countries` lists {countries} countries but `alt_premiums` {premiums} premiums."),

    // ------------------------------------------------------------ the compliance workspace (origin-store, docs/workspace.md)
    CANNOT_OPEN_DB(ERROR, "The workspace database `{url}` cannot be opened: {reason}."),
    UNKNOWN_PART(ERROR, "No part `{id}` is in the workspace."),
    UNKNOWN_DETERMINATION(ERROR, "No determination `{id}` is in the ledger."),
    NOT_CLASSIFIED(ERROR, "Part `{part}` has no HS classification on {date}."),
    NO_BOM(ERROR, "Part `{part}` is made in-house but has no bill of materials in force on {date}."),
    NO_UNIT_COST(ERROR, "Part `{part}` is bought but has no cost sheet with a unit cost in force on {date}."),
    NO_COST_SHEET(ERROR, "Part `{part}` is made in-house but has no cost sheet in force on {date}."),
    UNKNOWN_IMPORT_KIND(ERROR, "The columns match none of the import templates (plants, suppliers, parts, boms, costs, declarations); "
            + "name the file or sheet after one, or give --kind."),
    NOT_IN_WORKSPACE(ERROR, "No {kind} `{id}` is in this file or the workspace."),
    BLANKET_TOO_LONG(ERROR, "The blanket period {from} to {to} is longer than 12 months (USMCA Article 5.2.4(b))."),
    FORMULA_TEXT(ERROR, "`{value}` starts like a spreadsheet formula; remove the leading `{sign}`."),
    ROWS_DISAGREE(ERROR, "The rows of {kind} `{id}` disagree on `{column}`: `{value}` here, `{first}` on row {row}."),
    BAD_WORKBOOK(ERROR, "The file cannot be read as an XLSX workbook: {reason}."),
    CONFLICTING_OPTIONS(ERROR, "`{option}` cannot be combined with `{other}`."),

    // ------------------------------------------------------------ workspace workflows: requalify, chase, certify
    NOT_ORIGINATING(ERROR, "Determination `{id}` of `{good}` is {status}; a certificate of origin is issued only from an originating determination."),
    CERTIFICATE_REGIME(ERROR, "Determination `{id}` is under `{regime}`; a {form} certificate needs a determination under {wanted}."),
    BLANKET_PERIOD(ERROR, "The blanket period `{from}` to `{to}` {reason}."),
    CERTIFICATE_FIELD(ERROR, "The certificate needs the {element}: give `{option}`."),
    NO_SUCH_DECLARATION(ERROR, "No supplier declaration `{id}` is in the workspace."),
    BAD_DAYS(ERROR, "`{value}` is not a number of days between 1 and 3660."),

    // ------------------------------------------------------------ the server (origin serve) and its users
    NOT_SIGNED_IN(ERROR, "Sign in first, or send an API token as `Authorization: Bearer TOKEN`."),
    NOT_ALLOWED(ERROR, "The role `{role}` cannot {action}; it needs the role `{needed}`."),
    BAD_CSRF(ERROR, "The form's CSRF token is missing or is not this session's; reload the page and send it again."),
    NOT_FOUND(ERROR, "There is no {what} `{id}`."),
    IN_USE(ERROR, "The {kind} `{id}` cannot be deleted: {uses}."),
    REQUEST_TOO_LARGE(ERROR, "The request body is larger than {limit} bytes."),
    BAD_CONTENT_TYPE(ERROR, "The content type `{type}` is not one of {allowed}."),
    BAD_PAGE_SIZE(ERROR, "`{value}` is not a page size from 1 to {max}."),
    BAD_LOGIN(ERROR, "The user name or the password is wrong."),
    BAD_USER_NAME(ERROR, "`{value}` is not a user name: use 1 to 64 letters, digits, `.`, `_`, `-` or `@`."),
    WEAK_PASSWORD(ERROR, "A password needs at least {min} characters."),
    PASSWORDS_DIFFER(ERROR, "The two passwords typed differ; type the same password twice."),
    USER_EXISTS(ERROR, "There is already a user `{name}`."),
    LAST_ADMIN(ERROR, "`{name}` is the last admin; make another user admin first."),
    OUT_OF_RANGE(ERROR, "`{value}` is not between {min} and {max}."),
    SERVER_BUSY(ERROR, "{waiting} simulations are already waiting; try again when one has finished."),
    BAD_REQUEST(ERROR, "The request cannot be read: {reason}."),
    INTERNAL_ERROR(ERROR, "The server could not complete this request (reference `{ref}`); the details are in its log.");

    private final Wording wording;

    ErrorCode(Severity severity, String template) {
        this.wording = new Wording(severity, template);
    }

    @Override public ErrorCode code() { return this; }

    @Override public Wording wording() { return wording; }

    /**
     * Another wording of a code, where one sentence does not fit every place the code is reported;
     * its severity is the code's unless it says otherwise.
     */
    public enum Variant implements ErrorTemplate {
        // reading a file
        FILE_UNREADABLE_BECAUSE(UNREADABLE, "The file cannot be read: {reason}."),
        FILE_DOES_NOT_EXIST(UNREADABLE, "The file `{file}` does not exist."),
        FILE_TOO_LARGE(TOO_LARGE, "The file has {size} bytes; {what} is read whole and may have at most {limit} bytes. "
                + "`origin qualify` reads a JSON case file good by good, whatever its size."),
        WHOLE_FILE_TOO_LARGE(TOO_LARGE, "The file has {size} bytes; {what} is read whole and may have at most {limit} bytes."),
        // fields
        FIELD_OF_TYPE(BAD_TYPE, "The field `{field}` must be {expected} but is {found}."),
        FACT_NOT_TEXT(BAD_TYPE, "A fact is a text such as `{example}`."),
        DESCRIPTION_NOT_TEXT(BAD_TYPE, "A description is a non-blank text without double quotes, such as `printed circuit assemblies`."),
        FIELD_NOT_A_NUMBER(BAD_NUMBER, "The field `{field}` must be a decimal number but is {found}."),
        NOT_A_WHOLE_NUMBER(BAD_NUMBER, "`{value}` is not a whole number from {min} to {max}."),
        GIVEN_WITHOUT(MISSING_FIELD, "`{given}` is given but `{needed}` is not."),
        PART_FIGURES_INCOMPLETE(MISSING_FIELD, "A part's figures need `netCost` and `vnm`."),
        PARAMETER_WITHOUT_VALUE(MISSING_FIELD, "The parameter `{name}` has no value."),
        OVERRIDE_NOT_A_PERCENTAGE(BAD_PERCENT, "The override `{name}={value}` is not between 0 and 100."),
        NOT_A_MONTH_DAY(BAD_DATE, "`{value}` is not a month and day of the form MM-DD (e.g. `10-01`)."),
        NOT_AN_HS_PREFIX(BAD_HS, "`{value}` is not an HS chapter, heading or subheading (e.g. `87`, `87.08`, `8708.50`)."),
        NOT_A_PACK_PROVISION(BAD_HS, "`{value}` is not an HS provision or range (e.g. `87.08`, `8703.21-8703.90`, `table:B`)."),
        NOT_A_TARIFF_PROVISION(BAD_HS, "`{value}` is not an HS provision or range (e.g. `87.08`, `8708.99.81` or `8703.21-8703.90`)."),
        // case files
        MATERIAL_ID_TWICE(DUPLICATE_ID, "The material id `{id}` is used twice in this bill of materials."),
        // the tabular catalog format (docs/catalog-format.md)
        LINE_OF_UNKNOWN_GOOD(UNKNOWN_REF, "No good `{id}` is in the goods table."),
        UNKNOWN_PARENT(UNKNOWN_REF, "No line `{id}` of good `{good}` holds this line."),
        PARENT_NOT_SELF_PRODUCED(UNEXPECTED_FIELD, "Line `{id}` holds other lines but is not `self_produced`."),
        NO_COLUMN_FOR(UNKNOWN_FIELD, "Good `{good}` gives `{field}`, which the tabular catalog format has no column for; keep it in a case file."),
        ORIGIN_OF_SELF_PRODUCED(UNEXPECTED_FIELD, "A self-produced material's origin is derived by evaluating it; remove `origin`."),
        STATEMENT_OF_SELF_PRODUCED(UNEXPECTED_FIELD, "A self-produced material cannot carry a supplier statement."),
        SELF_PRODUCED_NEEDS_COST(MISSING_COST, "Self-produced material `{id}` needs its `costs` or a `value`.", ERROR),
        STATED_VNM_EXCEEDS_NET_COST(VNM_EXCEEDS_NET_COST, "The stated VNM `{vnm}` exceeds the stated net cost `{netCost}`."),
        NET_COST_STATEMENT_INCOMPLETE(BAD_STATEMENT, "A net-cost statement needs both `netCost` and `vnm`."),
        NOT_A_PERIOD(BAD_PERIOD, "`{value}` is not a period FROM..TO (TO a date, FY or FY+1)."),
        // rules and rule packs
        EMPTY_GROUP(EMPTY_RULE_LIST, "A group of `{field}` needs at least one HS provision."),
        TOO_FEW_GROUPS(EMPTY_RULE_LIST, "`{field}` needs at least two groups: materials may come from at most one of them."),
        AUTOMOTIVE_THRESHOLD_NOT_RVC(BAD_RULE, "An automotive threshold is an RVC rule such as `RVC(NC) >= 62.5`."),
        NOT_A_BUILT_IN_BASE(UNKNOWN_REGIME, "A pack can extend a built-in pack ({builtIn}), not `{base}`."),
        WORD_NOT_ALLOWED(BAD_PARAM, "`{value}` is not {what} ({values})."),
        NOT_OF_THE_FORM(BAD_PARAM, "`{value}` is not of the form {form}."),
        NOT_AMONG_REGIMES(UNKNOWN_REGIME, "`{regime}` is not among --regimes."),
        // origin serve: it takes built-in regimes only (a path would let a client read the server's files)
        NOT_A_BUILT_IN_REGIME(UNKNOWN_REGIME, "`{regime}` is not a built-in regime ({builtIn}); the server reads no rule-pack file."),
        NOT_AMONG_REGIMES_ASKED(UNKNOWN_REGIME, "`{regime}` is not among the regimes asked for ({regimes})."),
        // tariff schedules
        NO_SUCH_TARIFF_PARAM(UNKNOWN_PARAM, "The tariff schedule has no parameter `{name}`{known}."),
        NOT_A_RATE(UNKNOWN_PARAM, "`{name}` is neither a number nor a parameter of this file{known}."),
        SCOPES_CLASH(DUPLICATE_SCOPE, "{reason}."),
        // HS nomenclature
        NOMENCLATURE_EMPTY(BAD_HS_FILE, "The file is empty."),
        NOMENCLATURE_COLUMN_MISSING(BAD_HS_FILE, "The header has no column `{column}`; an HS nomenclature file has the columns "
                + "`section,hscode,description,parent,level`."),
        NOMENCLATURE_ROW_WIDTH(BAD_HS_FILE, "The row has {fields} fields; the header has {width}."),
        NOMENCLATURE_NOT_A_CODE(BAD_HS_FILE, "`{code}` is not an HS chapter, heading or subheading (2, 4 or 6 digits)."),
        NOMENCLATURE_NO_DESCRIPTION(BAD_HS_FILE, "`{code}` has no description."),
        NOMENCLATURE_BAD_LEVEL(BAD_HS_FILE, "The level `{level}` of `{code}` is not its number of digits ({digits})."),
        NOMENCLATURE_BAD_PARENT(BAD_HS_FILE, "The parent `{parent}` of `{code}` is not `{expected}`."),
        NOMENCLATURE_LISTED_TWICE(BAD_HS_FILE, "`{code}` is listed twice (first at line {line})."),
        NOMENCLATURE_NOT_ENCLOSED(BAD_HS_FILE, "`{code}` has no enclosing {level} `{parent}` in the file."),
        NOMENCLATURE_NO_PROVISIONS(BAD_HS_FILE, "The file lists no HS chapter, heading or subheading."),
        NOMENCLATURE_TOO_MANY_PROBLEMS(BAD_HS_FILE, "More problems were not listed; is this an HS nomenclature file?"),
        COLUMN_TWICE(DUPLICATE_KEY, "The column `{column}` appears twice in the header."),
        SECOND_DOCUMENT(TRAILING_CONTENT, "The file holds a second YAML document (after `---`); give one document per file."),
        REF_TOO_DEEP(TOO_DEEP, "The bill of materials leads through `ref` more than {limit} goods deep."),
        RULE_TOO_DEEP(TOO_DEEP, "The rule nests parentheses more than {limit} levels deep."),
        SWEEP_TOO_LONG(BAD_SWEEP, "`{value}` gives {points} thresholds; a sweep has at most {limit}."),
        VOLUME_TOO_LARGE(BAD_VOLUME, "The volume `{value}` exceeds {limit} units."),
        CSV_QUOTE_NOT_CLOSED(BAD_CSV, "The quoted field opened here is never closed."),
        CSV_TEXT_AFTER_QUOTE(BAD_CSV, "A quoted field must be followed by a comma or the end of the line."),
        CSV_QUOTE_INSIDE_FIELD(BAD_CSV, "A quote inside an unquoted field; quote the whole field and double the quote (`\"\"`)."),
        RULE_NAMES_UNKNOWN_HS_CODE(UNKNOWN_HS_CODE, "The rule names `{code}`, which is not in the {edition} nomenclature{national}{context}."),
        PACK_NAMES_UNKNOWN_HS_CODE(UNKNOWN_HS_CODE, "{what} in {where} is not in the {edition} nomenclature{national}{context}."),
        // evaluation
        SELF_PRODUCED_WITHOUT_COST(MISSING_COST, "Self-produced material `{path}` gives neither a value nor a cost sheet.", ERROR),
        PURCHASES_EXCEED_TOTAL(LVC_EXCEEDS_COST, "The annual purchase value of high-wage materials `{value}` exceeds the total annual "
                + "purchase value `{total}` it is part of."),
        NO_RULE_FOR_MODEL(NO_RULE, "The rule pack `{regime}` has no product-specific rule for HS {hs}, so model `{model}` cannot be "
                + "decided under it; check its `hs`."),
        LABOUR_EXCEEDS_NET_COST(LVC_EXCEEDS_COST, "Labour `{labour}` exceeds the net cost `{netCost}` it is part of (parts and assembly "
                + "costs less excluded costs), which would give an LVC of {lvc} from labour alone."),
        INTERMEDIATE_WITHOUT_RULE(NO_RULE, "Intermediate material `{path}` ({hs}) has no rule in `{regime}`, so it is treated as non-originating.",
                WARNING),
        // the compliance workspace
        ROW_KEY_TWICE(DUPLICATE_ID, "The {kind} `{id}` is given twice in this file (first on row {row})."),
        PERIOD_ENDS_BEFORE_START(BAD_PERIOD, "The period ends ({to}) before it starts ({from})."),
        FORMULA_CELL(FORMULA_TEXT, "The cell holds a formula (`{formula}`); give its value instead."),
        CELL_TOO_LONG(TOO_LARGE, "The cell holds {length} characters; a cell holds at most {limit}."),
        TEXT_TOO_LONG(TOO_LARGE, "`{field}` holds {length} characters; it may hold at most {limit}."),
        QUANTITY_NOT_POSITIVE(BAD_NUMBER, "The quantity `{value}` is not greater than zero."),
        CASE_FILE_MISSING(MISSING_INPUT, "Give a case file{alternative}.");

        private final ErrorCode code;
        private final Wording wording;

        Variant(ErrorCode code, String template) {
            this(code, template, code.severity());
        }

        Variant(ErrorCode code, String template, Severity severity) {
            this.code = code;
            this.wording = new Wording(severity, template);
        }

        @Override public ErrorCode code() { return code; }

        @Override public Wording wording() { return wording; }
    }
}

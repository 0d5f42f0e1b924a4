#include "odatafilter.h"

#include "jsonwriter.h"

namespace graphsim {

namespace {

struct Token
{
    enum class Type { End, Identifier, String, Number, DateTime, Open, Close, Slash, Colon, Comma, Invalid };
    Type type = Type::End;
    QString text;
    qsizetype position = 0;
};

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    Token next()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        Token t;
        t.position = m_pos;
        if (m_pos >= m_text.size())
            return t;
        const QChar c = m_text.at(m_pos);
        switch (c.unicode()) {
        case '(': ++m_pos; t.type = Token::Type::Open; return t;
        case ')': ++m_pos; t.type = Token::Type::Close; return t;
        case '/': ++m_pos; t.type = Token::Type::Slash; return t;
        case ':': ++m_pos; t.type = Token::Type::Colon; return t;
        case ',': ++m_pos; t.type = Token::Type::Comma; return t;
        case '\'': return readString();
        default: break;
        }
        if (c.isDigit() || (c == u'-' && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1).isDigit()))
            return readNumberOrDate();
        if (c.isLetter() || c == u'_' || c == u'$' || c == u'@') {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size()) {
                const QChar d = m_text.at(m_pos);
                if (!(d.isLetterOrNumber() || d == u'_' || d == u'.' || d == u'$' || d == u'@'))
                    break;
                ++m_pos;
            }
            t.type = Token::Type::Identifier;
            t.text = m_text.mid(start, m_pos - start);
            return t;
        }
        t.type = Token::Type::Invalid;
        t.text = c;
        ++m_pos;
        return t;
    }

    /// True when the next character (no whitespace skipped) opens a string: `type'value'`.
    bool stringFollows() const { return m_pos < m_text.size() && m_text.at(m_pos) == u'\''; }

private:
    Token readString()
    {
        Token t;
        t.position = m_pos;
        ++m_pos;
        QString value;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'\'') {
                if (m_pos < m_text.size() && m_text.at(m_pos) == u'\'') {
                    value += u'\'';
                    ++m_pos;
                    continue;
                }
                t.type = Token::Type::String;
                t.text = value;
                return t;
            }
            value += c;
        }
        t.type = Token::Type::Invalid;
        t.text = QStringLiteral("unterminated string literal");
        return t;
    }

    Token readNumberOrDate()
    {
        Token t;
        t.position = m_pos;
        const qsizetype start = m_pos;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const QChar d = m_text.at(m_pos);
            if (!(d.isLetterOrNumber() || d == u'-' || d == u':' || d == u'.' || d == u'+'))
                break;
            ++m_pos;
        }
        t.text = m_text.mid(start, m_pos - start);
        const bool looksLikeDate = t.text.size() >= 10 && t.text.at(4) == u'-';
        t.type = looksLikeDate ? Token::Type::DateTime : Token::Type::Number;
        return t;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
};

class Parser
{
public:
    explicit Parser(const QString &text) : m_lexer(text) { advance(); }

    std::unique_ptr<FilterNode> parse(QString *error)
    {
        auto node = std::make_unique<FilterNode>();
        if (!parseOr(*node) || (m_token.type != Token::Type::End && fail(QStringLiteral("unexpected '%1' at position %2")
                                                                               .arg(describe(m_token))
                                                                               .arg(m_token.position)))) {
            *error = m_error;
            return nullptr;
        }
        return node;
    }

private:
    void advance() { m_token = m_lexer.next(); }

    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    static QString describe(const Token &t)
    {
        switch (t.type) {
        case Token::Type::End: return QStringLiteral("end of expression");
        case Token::Type::Open: return QStringLiteral("(");
        case Token::Type::Close: return QStringLiteral(")");
        case Token::Type::Slash: return QStringLiteral("/");
        case Token::Type::Colon: return QStringLiteral(":");
        case Token::Type::Comma: return QStringLiteral(",");
        case Token::Type::String: return u'\'' + t.text + u'\'';
        default: return t.text;
        }
    }

    bool isKeyword(const char *word) const
    {
        return m_token.type == Token::Type::Identifier && m_token.text.compare(QLatin1StringView(word), Qt::CaseInsensitive) == 0;
    }

    bool parseOr(FilterNode &out)
    {
        FilterNode left;
        if (!parseAnd(left))
            return false;
        if (!isKeyword("or")) {
            out = std::move(left);
            return true;
        }
        out = FilterNode{};
        out.kind = FilterNode::Kind::Or;
        out.children.push_back(std::move(left));
        while (isKeyword("or")) {
            advance();
            FilterNode right;
            if (!parseAnd(right))
                return false;
            out.children.push_back(std::move(right));
        }
        return true;
    }

    bool parseAnd(FilterNode &out)
    {
        FilterNode left;
        if (!parseUnary(left))
            return false;
        if (!isKeyword("and")) {
            out = std::move(left);
            return true;
        }
        out = FilterNode{};
        out.kind = FilterNode::Kind::And;
        out.children.push_back(std::move(left));
        while (isKeyword("and")) {
            advance();
            FilterNode right;
            if (!parseUnary(right))
                return false;
            out.children.push_back(std::move(right));
        }
        return true;
    }

    bool parseUnary(FilterNode &out)
    {
        if (m_token.type == Token::Type::Open) {
            // Bound the recursion: a request line of nested parentheses must not exhaust the stack.
            if (++m_depth > kMaxDepth)
                return fail(QStringLiteral("the expression is nested more than %1 levels deep").arg(kMaxDepth));
            advance();
            const bool ok = parseOr(out);
            --m_depth;
            if (!ok)
                return false;
            if (m_token.type != Token::Type::Close)
                return fail(QStringLiteral("')' expected at position %1").arg(m_token.position));
            advance();
            return true;
        }
        if (isKeyword("not"))
            return fail(QStringLiteral("the 'not' operator is not supported"));
        if (m_token.type != Token::Type::Identifier)
            return fail(QStringLiteral("a property name was expected at position %1, found '%2'")
                            .arg(m_token.position)
                            .arg(describe(m_token)));
        return parseComparison(out);
    }

    bool parseComparison(FilterNode &out)
    {
        QStringList path{m_token.text};
        advance();
        if (m_token.type == Token::Type::Open && path.size() == 1)
            return fail(QStringLiteral("the function '%1' is not supported").arg(path.first()));
        while (m_token.type == Token::Type::Slash) {
            advance();
            if (m_token.type != Token::Type::Identifier)
                return fail(QStringLiteral("a property name was expected after '/'"));
            path.append(m_token.text);
            advance();
            if (m_token.type == Token::Type::Open) {
                const QString fn = path.takeLast();
                if (fn.compare(u"any", Qt::CaseInsensitive) != 0)
                    return fail(QStringLiteral("the lambda or function '%1' is not supported").arg(fn));
                return parseLambda(path, out);
            }
        }
        if (m_token.type != Token::Type::Identifier)
            return fail(QStringLiteral("a comparison operator was expected after '%1'").arg(path.join(u'/')));
        static const std::pair<const char *, FilterOp> ops[] = {{"eq", FilterOp::Eq}, {"ne", FilterOp::Ne},
                                                                {"gt", FilterOp::Gt}, {"ge", FilterOp::Ge},
                                                                {"lt", FilterOp::Lt}, {"le", FilterOp::Le}};
        bool found = false;
        for (const auto &[name, op] : ops) {
            if (m_token.text == QLatin1StringView(name)) {
                out.op = op;
                found = true;
            }
        }
        if (!found)
            return fail(QStringLiteral("the operator '%1' is not supported").arg(m_token.text));
        advance();
        out.kind = FilterNode::Kind::Compare;
        out.path = path;
        return parseLiteral(out.literal);
    }

    bool parseLambda(const QStringList &collection, FilterNode &out)
    {
        advance(); // '('
        if (m_token.type != Token::Type::Identifier)
            return fail(QStringLiteral("a range variable was expected in any()"));
        out.kind = FilterNode::Kind::Any;
        out.path = collection;
        out.variable = m_token.text;
        advance();
        if (m_token.type != Token::Type::Colon)
            return fail(QStringLiteral("':' was expected after the range variable"));
        advance();
        FilterNode inner;
        if (++m_depth > kMaxDepth)
            return fail(QStringLiteral("the expression is nested more than %1 levels deep").arg(kMaxDepth));
        const bool ok = parseOr(inner);
        --m_depth;
        if (!ok)
            return false;
        if (m_token.type != Token::Type::Close)
            return fail(QStringLiteral("')' expected to close any()"));
        advance();
        out.children.push_back(std::move(inner));
        return true;
    }

    bool parseLiteral(FilterLiteral &literal)
    {
        const Token t = m_token;
        switch (t.type) {
        case Token::Type::String:
            literal.kind = FilterLiteral::Kind::String;
            literal.text = t.text;
            advance();
            return true;
        case Token::Type::DateTime:
            literal.kind = FilterLiteral::Kind::DateTime;
            literal.text = t.text;
            if (!parseTicks(t.text, &literal.ticks))
                return fail(QStringLiteral("'%1' is not a valid DateTimeOffset").arg(t.text));
            advance();
            return true;
        case Token::Type::Number: {
            bool ok = false;
            literal.kind = FilterLiteral::Kind::Number;
            literal.number = t.text.toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("'%1' is not a valid number").arg(t.text));
            advance();
            return true;
        }
        case Token::Type::Identifier: {
            if (t.text == u"null") {
                literal.kind = FilterLiteral::Kind::Null;
                advance();
                return true;
            }
            if (t.text == u"true" || t.text == u"false") {
                literal.kind = FilterLiteral::Kind::Boolean;
                literal.boolean = t.text == u"true";
                advance();
                return true;
            }
            if (m_lexer.stringFollows()) {
                advance();
                literal.kind = FilterLiteral::Kind::Enum;
                literal.enumType = t.text;
                literal.text = m_token.text;
                advance();
                return true;
            }
            return fail(QStringLiteral("'%1' is not a literal; string values are written in single quotes").arg(t.text));
        }
        case Token::Type::Invalid:
            return fail(QStringLiteral("syntax error at position %1: %2").arg(t.position).arg(t.text));
        default:
            return fail(QStringLiteral("a value was expected at position %1").arg(t.position));
        }
    }

    static constexpr int kMaxDepth = 64;

    Lexer m_lexer;
    Token m_token;
    QString m_error;
    int m_depth = 0;
};

} // namespace

std::unique_ptr<FilterNode> ODataFilter::parse(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        *error = QStringLiteral("the filter expression is empty");
        return nullptr;
    }
    Parser parser(text);
    return parser.parse(error);
}

QString ODataFilter::opName(FilterOp op)
{
    switch (op) {
    case FilterOp::Eq: return QStringLiteral("eq");
    case FilterOp::Ne: return QStringLiteral("ne");
    case FilterOp::Gt: return QStringLiteral("gt");
    case FilterOp::Ge: return QStringLiteral("ge");
    case FilterOp::Lt: return QStringLiteral("lt");
    case FilterOp::Le: return QStringLiteral("le");
    }
    return {};
}

} // namespace graphsim

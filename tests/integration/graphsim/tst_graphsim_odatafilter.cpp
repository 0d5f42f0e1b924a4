// The $filter grammar of the simulator: parsing and evaluation against a small entity set.
#include "graphsim/filtercompiler.h"
#include "graphsim/graphenum.h"
#include "graphsim/jsonwriter.h"
#include "graphsim/odatafilter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace graphsim;

namespace {
struct Entity
{
    int severity;
    int status;
    const char *created;
    const char *assignedTo;
    QJsonArray hosts;
};

const QList<Entity> &entities()
{
    static const QList<Entity> list{
        {severity::High, alertstatus::New, "2024-01-01T00:00:00Z", nullptr,
         QJsonArray{QJsonObject{{QStringLiteral("fqdn"), QStringLiteral("pc1.contoso.com")}}}},
        {severity::Low, alertstatus::Resolved, "2024-02-01T00:00:00Z", "a@x.com", QJsonArray{}},
        {severity::Medium, alertstatus::InProgress, "2024-03-01T00:00:00Z", "B@x.com",
         QJsonArray{QJsonObject{{QStringLiteral("fqdn"), QStringLiteral("pc2.contoso.com")}},
                    QJsonObject{{QStringLiteral("fqdn"), QStringLiteral("pc1.contoso.com")}}}},
        {severity::Informational, alertstatus::New, "2024-04-01T00:00:00Z", "b@x.com", QJsonArray{}},
    };
    return list;
}

FilterCompiler compiler()
{
    const auto &e = entities();
    FilterField sev{QStringLiteral("severity"), FilterField::Type::Enum, &enums::alertSeverity(),
                    [&e](int i) { return e.at(i).severity; }, {}, {}, {}, {}};
    FilterField status{QStringLiteral("status"), FilterField::Type::Enum, &enums::alertStatus(),
                       [&e](int i) { return e.at(i).status; }, {}, {}, {}, {}};
    FilterField created{QStringLiteral("createdDateTime"), FilterField::Type::DateTime, nullptr, {},
                        [&e](int i) {
                            qint64 t = 0;
                            parseTicks(QString::fromLatin1(e.at(i).created), &t);
                            return t;
                        },
                        {}, {}, {}};
    FilterField assigned{QStringLiteral("assignedTo"), FilterField::Type::String, nullptr, {}, {},
                         [&e](int i) { return e.at(i).assignedTo ? QString::fromLatin1(e.at(i).assignedTo) : QString(); },
                         {}, {}};
    FilterField hosts{QStringLiteral("hostStates"), FilterField::Type::Collection, nullptr, {}, {}, {}, {},
                      [&e](int i) { return e.at(i).hosts; }};
    return FilterCompiler(QStringLiteral("microsoft.graph.security.alert"), {sev, status, created, assigned, hosts},
                          {QStringLiteral("title")});
}
} // namespace

class TestODataFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void validFilter_selectsMatchingEntities_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("eq enum") << QStringLiteral("severity eq 'high'") << QList<int>{0};
        QTest::newRow("eq enum case-insensitive value") << QStringLiteral("severity eq 'HIGH'") << QList<int>{0};
        QTest::newRow("property name case-insensitive") << QStringLiteral("Severity eq 'low'") << QList<int>{1};
        QTest::newRow("qualified enum literal")
            << QStringLiteral("severity eq microsoft.graph.security.alertSeverity'medium'") << QList<int>{2};
        QTest::newRow("ne enum") << QStringLiteral("status ne 'new'") << QList<int>{1, 2};
        QTest::newRow("gt enum follows schema order") << QStringLiteral("severity gt 'low'") << QList<int>{0, 2};
        QTest::newRow("ge datetime") << QStringLiteral("createdDateTime ge 2024-03-01T00:00:00Z") << QList<int>{2, 3};
        QTest::newRow("lt datetime with fraction") << QStringLiteral("createdDateTime lt 2024-02-01T00:00:00.0000001Z")
                                                   << QList<int>{0, 1};
        QTest::newRow("le datetime with offset") << QStringLiteral("createdDateTime le 2024-02-01T02:00:00+02:00")
                                                 << QList<int>{0, 1};
        QTest::newRow("and") << QStringLiteral("status eq 'new' and severity eq 'informational'") << QList<int>{3};
        QTest::newRow("or") << QStringLiteral("severity eq 'high' or severity eq 'low'") << QList<int>{0, 1};
        QTest::newRow("and binds tighter than or")
            << QStringLiteral("severity eq 'high' or severity eq 'low' and status eq 'new'") << QList<int>{0};
        QTest::newRow("parentheses") << QStringLiteral("(severity eq 'high' or severity eq 'low') and status eq 'resolved'")
                                     << QList<int>{1};
        QTest::newRow("deep but allowed nesting")
            << QString(QString(50, u'(') + QStringLiteral("severity eq 'high'") + QString(50, u')')) << QList<int>{0};
        QTest::newRow("nested parentheses")
            << QStringLiteral("((status eq 'new') and (severity eq 'high' or severity eq 'informational'))")
            << QList<int>{0, 3};
        QTest::newRow("string eq is case-insensitive") << QStringLiteral("assignedTo eq 'b@x.com'") << QList<int>{2, 3};
        QTest::newRow("string eq null") << QStringLiteral("assignedTo eq null") << QList<int>{0};
        QTest::newRow("string ne null") << QStringLiteral("assignedTo ne null") << QList<int>{1, 2, 3};
        QTest::newRow("quote escaping") << QStringLiteral("assignedTo eq 'o''brien'") << QList<int>{};
        QTest::newRow("any lambda") << QStringLiteral("hostStates/any(h: h/fqdn eq 'pc1.contoso.com')")
                                    << QList<int>{0, 2};
        QTest::newRow("any lambda with or") << QStringLiteral("hostStates/any(a:a/fqdn eq 'x' or a/fqdn eq 'pc2.contoso.com')")
                                            << QList<int>{2};
        QTest::newRow("extra whitespace") << QStringLiteral("  severity   eq   'high'  ") << QList<int>{0};
    }

    void validFilter_selectsMatchingEntities()
    {
        QFETCH(QString, filter);
        QFETCH(QList<int>, expected);
        QString error;
        const auto node = ODataFilter::parse(filter, &error);
        QVERIFY2(node, qPrintable(error));
        const FilterCompiler c = compiler();
        const FilterPredicate predicate = c.compile(*node, &error);
        QVERIFY2(predicate, qPrintable(error));
        QList<int> matched;
        for (int i = 0; i < entities().size(); ++i) {
            if (predicate(i))
                matched.append(i);
        }
        QCOMPARE(matched, expected);
    }

    void invalidFilter_isRejectedWithAMessage_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown property") << QStringLiteral("colour eq 'red'") << QStringLiteral("Could not find a property");
        QTest::newRow("not filterable") << QStringLiteral("title eq 'x'") << QStringLiteral("cannot be used in $filter");
        QTest::newRow("bad enum member") << QStringLiteral("severity eq 'critical'") << QStringLiteral("not a valid enumeration");
        QTest::newRow("legacy enum spelling") << QStringLiteral("status eq 'newAlert'") << QStringLiteral("not a valid enumeration");
        QTest::newRow("quoted datetime") << QStringLiteral("createdDateTime gt '2024-01-01T00:00:00Z'")
                                         << QStringLiteral("incompatible types");
        QTest::newRow("unquoted string") << QStringLiteral("severity eq high") << QStringLiteral("single quotes");
        QTest::newRow("unterminated string") << QStringLiteral("severity eq 'high") << QStringLiteral("unterminated");
        QTest::newRow("missing operand") << QStringLiteral("severity eq") << QStringLiteral("value was expected");
        QTest::newRow("unknown operator") << QStringLiteral("severity has 'high'") << QStringLiteral("operator 'has'");
        QTest::newRow("not operator") << QStringLiteral("not (severity eq 'high')") << QStringLiteral("'not'");
        QTest::newRow("function") << QStringLiteral("startswith(assignedTo,'a')") << QStringLiteral("function");
        QTest::newRow("unbalanced parenthesis") << QStringLiteral("(severity eq 'high'") << QStringLiteral("')'");
        QTest::newRow("dangling and") << QStringLiteral("severity eq 'high' and") << QStringLiteral("property name");
        QTest::newRow("invalid date") << QStringLiteral("createdDateTime gt 2024-13-45T00:00:00Z") << QStringLiteral("DateTimeOffset");
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("nested too deeply") << QString(QString(200, u'(') + QStringLiteral("severity eq 'high'") + QString(200, u')'))
                                           << QStringLiteral("nested more than");
        QTest::newRow("lambda on scalar") << QStringLiteral("severity/any(s: s eq 'x')") << QStringLiteral("not a collection");
    }

    void invalidFilter_isRejectedWithAMessage()
    {
        QFETCH(QString, filter);
        QFETCH(QString, messagePart);
        QString error;
        const auto node = ODataFilter::parse(filter, &error);
        if (node) {
            const FilterCompiler c = compiler();
            QVERIFY(!c.compile(*node, &error));
        }
        QVERIFY2(error.contains(messagePart, Qt::CaseInsensitive), qPrintable(error));
    }

    void timestamps_roundTripWithSevenDigits()
    {
        qint64 ticks = 0;
        QVERIFY(parseTicks(u"2021-04-27T12:19:27.7211305Z", &ticks));
        QCOMPARE(formatTicks(ticks), QByteArray("2021-04-27T12:19:27.7211305Z"));
        QVERIFY(parseTicks(u"2021-04-27", &ticks));
        QCOMPARE(formatTicks(ticks), QByteArray("2021-04-27T00:00:00.0000000Z"));
    }
};

QTEST_GUILESS_MAIN(TestODataFilter)
#include "tst_graphsim_odatafilter.moc"

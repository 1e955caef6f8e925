#include "ProductAdvice.h"

#include <QCoreApplication>

namespace dermaplan {

namespace {

class ProductTr {
    Q_DECLARE_TR_FUNCTIONS(ProductAdvice)
};

// The rule book's line about products for broken skin (the one citing the granuloma report).
const Advice* brokenSkinAdvice(const RuleBook& rules) {
    for (const Advice& a : rules.generalAdvice())
        if (a.sources.contains(u"S-GRANULOMA"))
            return &a;
    return nullptr;
}

Reason typedActiveAdvice(const QString& name, const ActiveKind& active, const Advice* advice) {
    Reason r;
    r.severity = Severity::Advise;
    r.rule = QStringLiteral("product-broken-skin");
    r.message = ProductTr::tr("“%1” looks like %2, an active the aftercare pauses: not meant for "
                              "freshly needled skin. %3")
                    .arg(name, active.label, advice ? advice->text : QString())
                    .trimmed();
    r.sources = active.sources;
    if (advice)
        for (const QString& id : advice->sources)
            if (!r.sources.contains(id))
                r.sources << id;
    return r;
}

} // namespace

QList<Reason> productAdvice(const Session& session, const QList<Product>& products,
                            const RuleBook& rules) {
    QList<Reason> out;
    const Advice* advice = brokenSkinAdvice(rules);
    for (const QString& name : productNames(session.products)) {
        const auto it = std::find_if(products.cbegin(), products.cend(), [&](const Product& p) {
            return p.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == products.cend()) {
            // Typed by hand: an active is known by its name ("Vitamin C serum", "tretinoin").
            if (const ActiveKind* active = rules.activeNamed(name))
                out << typedActiveAdvice(name, *active, advice);
            continue;
        }
        if (it->brokenSkin == Product::BrokenSkin::Yes)
            continue;
        Reason r;
        r.severity = Severity::Advise;
        r.rule = QStringLiteral("product-broken-skin");
        const QString why = advice ? advice->text : QString();
        r.message =
            it->brokenSkin == Product::BrokenSkin::No
                ? ProductTr::tr("“%1” is not meant for freshly needled skin. %2").arg(it->name, why)
                : ProductTr::tr("“%1” is not known to be meant for freshly needled skin: "
                                "check its label. %2")
                      .arg(it->name, why);
        r.sources = advice ? advice->sources : QStringList();
        out << r;
    }
    return out;
}

QStringList activeProductNames(const QList<Product>& products) {
    QStringList names;
    for (const Product& p : products)
        if (p.isActive())
            names << p.name;
    return names;
}

} // namespace dermaplan

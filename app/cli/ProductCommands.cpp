// dermaplan-cli product add|list|remove: the products chosen when logging a session.
#include "Commands.h"

#include "logbook/Logbook.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dermaplan::cli {

static int runProductAdd(const QCommandLineParser& p, Context& ctx) {
    Product product;
    product.name = p.value(u"name"_s).trimmed();
    if (p.isSet(u"kind"_s))
        product.kind = p.value(u"kind"_s).trimmed();
    if (p.isSet(u"broken-skin"_s)) {
        bool ok = false;
        product.brokenSkin = brokenSkinFromId(p.value(u"broken-skin"_s).trimmed(), &ok);
        if (!ok)
            return ctx.fail(Error::inField(u"--broken-skin"_s,
                                           QStringLiteral("\"%1\" is not yes, no or unknown")
                                               .arg(p.value(u"broken-skin"_s))),
                            InvalidInput);
    }
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    return printNewId(ctx, logbook->addProduct(product));
}

static int runProductList(const QCommandLineParser& p, Context& ctx) {
    return printList(
        p, ctx, [](Logbook& logbook) { return logbook.products(); },
        [](const Product& product) {
            return QJsonObject{{u"id"_s, product.id},
                               {u"name"_s, product.name},
                               {u"kind"_s, product.kind},
                               {u"broken_skin"_s, brokenSkinId(product.brokenSkin)}};
        },
        [](const Product& product) {
            return QStringLiteral("%1  %2 (%3), meant for freshly needled skin: %4")
                .arg(QString::number(product.id).rightJustified(4), product.name, product.kind,
                     brokenSkinId(product.brokenSkin));
        },
        u"No products. Add one with 'product add'."_s);
}

static int runProductRemove(const QCommandLineParser& p, Context& ctx) {
    return removeById(p, ctx, u"product list"_s,
                      [](Logbook& logbook, qint64 id) { return logbook.removeProduct(id); });
}

QList<Command> productCommands() {
    return {
        {QStringLiteral("product add"),
         QStringLiteral("Add a product you use around sessions (log --products names it)."),
         {{u"name"_s, QStringLiteral("Its name."), u"TEXT"_s},
          {u"kind"_s,
           QStringLiteral("serum, moisturiser, retinoid, acid, vitamin-c, benzoyl-peroxide or "
                          "other (default)."),
           u"KIND"_s},
          {u"broken-skin"_s,
           QStringLiteral("Meant for freshly needled skin: yes, no or unknown (default)."),
           u"ANSWER"_s}},
         {},
         runProductAdd},
        {QStringLiteral("product list"),
         QStringLiteral("List your products."),
         {formatFlag()},
         {},
         runProductList},
        {QStringLiteral("product remove"),
         QStringLiteral("Remove a product from the list (sessions keep its name)."),
         {},
         {idPositional(u"product"_s, u"product list"_s)},
         runProductRemove},
    };
}

} // namespace dermaplan::cli

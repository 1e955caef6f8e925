// dermaplan-cli product add|list|remove: the products chosen when logging a session.
#include "Commands.h"

#include "logbook/Logbook.h"

#include <QJsonArray>
#include <QJsonDocument>
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
    const auto id = logbook->addProduct(product);
    if (!id) {
        const Error& e = id.error();
        return ctx.fail(asOptionError(e), e.field.isEmpty() ? RuntimeFailure : InvalidInput);
    }
    ctx.out << *id << Qt::endl;
    return Ok;
}

static int runProductList(const QCommandLineParser& p, Context& ctx) {
    const auto format = formatOption(p, {u"text"_s, u"json"_s});
    if (!format)
        return ctx.fail(format.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    const auto products = logbook->products();
    if (!products)
        return ctx.fail(products.error(), RuntimeFailure);
    if (*format == u"json") {
        QJsonArray arr;
        for (const Product& product : *products)
            arr.append(QJsonObject{{u"id"_s, product.id},
                                   {u"name"_s, product.name},
                                   {u"kind"_s, product.kind},
                                   {u"broken_skin"_s, brokenSkinId(product.brokenSkin)}});
        ctx.out << QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (products->isEmpty())
        ctx.out << "No products. Add one with 'product add'.\n";
    for (const Product& product : *products)
        ctx.out << QStringLiteral("%1  %2 (%3), meant for freshly needled skin: %4\n")
                       .arg(QString::number(product.id).rightJustified(4), product.name,
                            product.kind, brokenSkinId(product.brokenSkin));
    return Ok;
}

static int runProductRemove(const QCommandLineParser& p, Context& ctx) {
    const auto id = idArgument(p, u"product list"_s);
    if (!id)
        return ctx.fail(id.error(), InvalidInput);
    Logbook* logbook = ctx.logbook();
    if (!logbook)
        return RuntimeFailure;
    if (const auto removed = logbook->removeProduct(*id); !removed)
        return ctx.fail(Error::inField(u"ID"_s, removed.error().message), InvalidInput);
    return Ok;
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
         {{u"format"_s, QStringLiteral("text (default) or json."), u"FORMAT"_s}},
         {},
         runProductList},
        {QStringLiteral("product remove"),
         QStringLiteral("Remove a product from the list (sessions keep its name)."),
         {},
         {{QStringLiteral("ID"), QStringLiteral("The product's id (see 'product list').")}},
         runProductRemove},
    };
}

} // namespace dermaplan::cli

#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace dermaplan::ui::autostart {

namespace {

class AutostartTr {
    Q_DECLARE_TR_FUNCTIONS(Autostart)
};

// A program path as the Desktop Entry spec quotes an Exec argument: inside double quotes, with
// `"`, `` ` ``, `$` and `\` escaped (and `\` doubled again, as the value is itself escaped),
// and `%` doubled (a field code otherwise).
QString quotedExec(const QString& program) {
    QString quoted;
    for (const QChar c : program) {
        if (c == u'%')
            quoted += u'%';
        else if (c == u'"' || c == u'`' || c == u'$')
            quoted += QStringLiteral("\\\\");
        else if (c == u'\\')
            quoted += QStringLiteral("\\\\\\");
        quoted += c;
    }
    return u'"' + quoted + u'"';
}

} // namespace

QString entryPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/dermaplan.desktop"));
}

bool isSet() {
    return QFile::exists(entryPath());
}

Status set(bool on, const QString& program) {
    const QString path = entryPath();
    const QString shown = QDir::toNativeSeparators(path);
    if (!on) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Error::inFile(path, AutostartTr::tr("Cannot remove %1").arg(shown));
        return Done{};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::inFile(path, AutostartTr::tr("Cannot create the folder of %1").arg(shown));
    const QString entry =
        QStringLiteral("[Desktop Entry]\nType=Application\nName=Dermaplan\nComment=%1\n"
                       "Exec=%2 --minimized\nIcon=io.github.dermaplan.Dermaplan\nTerminal=false\n"
                       "X-GNOME-Autostart-enabled=true\n")
            .arg(AutostartTr::tr("Reminders of your dermarolling plan"), quotedExec(program));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit())
        return Error::inFile(path,
                             AutostartTr::tr("Cannot write %1: %2").arg(shown, file.errorString()));
    return Done{};
}

} // namespace dermaplan::ui::autostart

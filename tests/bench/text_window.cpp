// A second reference for the app's start-up (scripts/bench.sh): the empty window plus what any
// window with words in it has — four tabs, four menus, a status line — so that the cost of
// loading fonts and shaping text is told apart from the app's own work.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    auto* tabs = new QTabWidget(&window);
    for (const char16_t* name : {u"&Today", u"H&istory", u"&Plan", u"De&vices"})
        tabs->addTab(new QLabel(QString::fromUtf16(name), tabs), QString::fromUtf16(name));
    window.setCentralWidget(tabs);
    for (const char16_t* name : {u"&File", u"&Edit", u"&View", u"&Help"})
        window.menuBar()->addMenu(QString::fromUtf16(name))->addAction(QStringLiteral("An action"));
    window.statusBar()->showMessage(QStringLiteral("Database: /home/user/dermaplan.sqlite"));
    window.resize(1100, 720);
    window.show();
    return QApplication::exec();
}

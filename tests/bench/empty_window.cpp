// The floor the app's start-up is measured against (scripts/bench.sh): an empty QMainWindow,
// built with the same compiler and Qt, shown the same way.
#include <QApplication>
#include <QMainWindow>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1100, 720);
    window.show();
    return QApplication::exec();
}

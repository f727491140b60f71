// How fluid the journey designer's canvas stays with a large flow: a 300-node journey open in the real FlowDesigner
// (palette, canvas, inspector), one step dragged across the canvas with the mouse, and each move followed by a
// synchronous repaint of the canvas, as a frame. Reports per-frame time (median, p95, worst) at 100 % zoom and with
// the whole flow fitted into view, where every node and wire is painted each frame. Not a test: run it by hand
// (QT_QPA_PLATFORM=offscreen build/bench/bench_canvas [nodes]) and record the results in docs/benchmarks.md.
#include "bench/LargeFlow.h"
#include "models/FlowEditor.h"
#include "ui/FlowDesigner.h"
#include "ui/FlowNodeItem.h"
#include "ui/FlowScene.h"
#include "ui/FlowView.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QUndoStack>

namespace {

struct FrameTimes
{
    double medianMs = 0;
    double p95Ms = 0;
    double worstMs = 0;
    int frames = 0;
};

// Drags `item` by its caption along a zig-zag of `frames` mouse moves, repainting the canvas after each one.
FrameTimes dragAcross(trellis::ui::FlowView* view, trellis::ui::FlowNodeItem* item, int frames)
{
    QWidget* viewport = view->viewport();
    const QPoint grab = view->mapFromScene(item->mapToScene(QPointF(40, 12)));
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, grab);
    std::vector<double> ms;
    ms.reserve(std::size_t(frames));
    QElapsedTimer timer;
    for (int i = 1; i <= frames; ++i) {
        const QPoint to = grab + QPoint((i % 40) * 4, (i / 40 % 2 ? -1 : 1) * (i % 20));
        timer.start();
        QTest::mouseMove(viewport, to);
        viewport->repaint();
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, grab);
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back(), frames};
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int nodes = argc > 1 ? std::atoi(argv[1]) : 300;

    trellis::models::FlowEditor editor;
    editor.load(trellis::bench::largeFlow(nodes));
    trellis::ui::FlowDesigner designer(&editor);
    designer.resize(1600, 1000);
    designer.show();
    QApplication::processEvents();

    auto* view = designer.view();
    auto* scene = designer.scene();
    // A step in the middle of the journey, with wires in and out.
    const QString middle = QStringLiteral("password-%1").arg((nodes - 3) / 6);
    auto* item = scene->nodeItem(middle);
    if (!item) {
        std::fprintf(stderr, "no node %s\n", qPrintable(middle));
        return EXIT_FAILURE;
    }

    std::printf("| view | nodes | edges | frames | median | p95 | worst |\n|---|---:|---:|---:|---:|---:|---:|\n");
    const auto report = [&](const char* name, const FrameTimes& t) {
        std::printf("| %s | %zu | %lld | %d | %.2f ms | %.2f ms | %.2f ms |\n", name, editor.document().nodes.size(),
                    static_cast<long long>(scene->edgeItems().size()), t.frames, t.medianMs, t.p95Ms, t.worstMs);
        std::fflush(stdout);
    };

    view->resetTransform();
    view->centerOn(item);
    QApplication::processEvents();
    report("100 % zoom, the dragged step centred", dragAcross(view, item, 400));

    view->fitToFlow();
    QApplication::processEvents();
    report("whole flow fitted into view", dragAcross(view, item, 400));

    // The drags were real edits: one undoable move each.
    std::printf("\n(undo stack: %d commands)\n", editor.undoStack()->count());
    return EXIT_SUCCESS;
}

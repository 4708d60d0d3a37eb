#pragma once

// What the console shows of the node, read in one go off the GUI thread.

#include "core/node/interface.h"

#include <QString>

namespace gtx::ui {

struct NodeSnapshot
{
    QString dataDir;
    bool ledgerExists = false;
    interfaces::NodeStatus status;

    // Calls the node: may block, so never on the GUI thread.
    static NodeSnapshot take(const interfaces::Node &node)
    {
        NodeSnapshot snapshot;
        snapshot.dataDir = QString::fromStdString(node.dataDir().string());
        snapshot.ledgerExists = node.ledgerExists();
        snapshot.status = node.status();
        return snapshot;
    }
};

} // namespace gtx::ui

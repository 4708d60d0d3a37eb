#pragma once

// Subscriptions to node events. One subscription: the callback sits in a map shared with
// the event's source, and destroying (or disconnecting) the subscription
// takes it out. Weak references, so a subscription that outlives its
// source does nothing.

#include "core/node/interface.h"

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace gtx::node {

template <class Fn>
class Subscription final : public interfaces::Handler
{
public:
    Subscription(std::weak_ptr<std::mutex> mutex, std::weak_ptr<std::map<int, Fn>> handlers, int id)
        : m_mutex(std::move(mutex)), m_handlers(std::move(handlers)), m_id(id)
    {
    }
    ~Subscription() override { disconnect(); }

    void disconnect() override
    {
        auto mutex = m_mutex.lock();
        auto handlers = m_handlers.lock();
        if (!mutex || !handlers)
            return;
        std::lock_guard lock(*mutex);
        handlers->erase(m_id);
    }

private:
    std::weak_ptr<std::mutex> m_mutex;
    std::weak_ptr<std::map<int, Fn>> m_handlers;
    int m_id;
};

// The subscribers to one node event: add() hands out a Subscription, and
// notify() calls every callback with the lock released (a callback may
// subscribe or unsubscribe without deadlock).
template <class Fn>
class Subscribers
{
public:
    std::unique_ptr<interfaces::Handler> add(Fn fn)
    {
        std::lock_guard lock(*m_mutex);
        const int id = m_nextId++;
        (*m_handlers)[id] = std::move(fn);
        return std::make_unique<Subscription<Fn>>(m_mutex, m_handlers, id);
    }

    template <class... Args>
    void notify(const Args &...args) const
    {
        std::vector<Fn> callbacks;
        {
            std::lock_guard lock(*m_mutex);
            for (const auto &[id, fn] : *m_handlers)
                callbacks.push_back(fn);
        }
        for (const auto &fn : callbacks)
            fn(args...);
    }

private:
    std::shared_ptr<std::mutex> m_mutex = std::make_shared<std::mutex>();
    std::shared_ptr<std::map<int, Fn>> m_handlers = std::make_shared<std::map<int, Fn>>();
    int m_nextId = 1;   // under m_mutex
};

} // namespace gtx::node

#pragma once

// Splitting independent work over threads: fn(from, to) runs on contiguous
// ranges covering [0, n), the first range on the calling thread. For work
// whose items do not depend on each other (signature checks); the caller
// chooses how many ranges pay for their threads.

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace gtx {

template<typename Fn>
void parallelFor(std::size_t n, std::size_t workers, Fn fn)
{
    workers = std::max<std::size_t>(1, std::min(workers, n));
    if (workers == 1) {
        fn(std::size_t{0}, n);
        return;
    }
    const std::size_t share = (n + workers - 1) / workers;
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w)
        pool.emplace_back(fn, std::min(n, w * share), std::min(n, (w + 1) * share));
    fn(std::size_t{0}, std::min(n, share));
    for (auto &t : pool)
        t.join();
}

} // namespace gtx

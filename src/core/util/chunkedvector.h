#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace vigil::core {

/// A growable array stored in fixed-size chunks: appending never moves the elements already
/// there, so growing to a million rows costs no reallocation pause, and indexing stays O(1)
/// (a shift and a mask). Only what a table model needs: append, index, clear.
template <typename T, unsigned ChunkBits = 12> class ChunkedVector
{
public:
    static constexpr std::size_t kChunkSize = std::size_t(1) << ChunkBits;

    std::size_t size() const { return m_size; }

    T &operator[](std::size_t i) { return m_chunks[i >> ChunkBits][i & (kChunkSize - 1)]; }
    const T &operator[](std::size_t i) const { return m_chunks[i >> ChunkBits][i & (kChunkSize - 1)]; }

    void push_back(T &&value)
    {
        if ((m_size & (kChunkSize - 1)) == 0 && (m_size >> ChunkBits) == m_chunks.size()) {
            m_chunks.emplace_back();
            m_chunks.back().reserve(kChunkSize);
        }
        m_chunks[m_size >> ChunkBits].push_back(std::move(value));
        ++m_size;
    }

    /// Frees every chunk.
    void clear()
    {
        m_chunks.clear();
        m_chunks.shrink_to_fit();
        m_size = 0;
    }

private:
    std::vector<std::vector<T>> m_chunks; ///< each reserved to kChunkSize, so never reallocated
    std::size_t m_size = 0;
};

} // namespace vigil::core

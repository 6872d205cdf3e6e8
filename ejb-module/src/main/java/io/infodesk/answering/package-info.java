/**
 * The domain expert's answer: grounded generation with citations when an LLM endpoint is set,
 * otherwise an extractive answer made of the best passages with their most relevant sentences
 * highlighted. Low retrieval confidence or an out-of-scope question gets an honest "I don't know"
 * and an offer to escalate. Every question is persisted as an {@code Interaction}.
 */
package io.infodesk.answering;

/**
 * MMCU (Felixgithub2017/MMCU): gated {@code .xlsx} workbooks read as its TestChatGPT.py reads them (pandas' typing of
 * cells included), its prompt, cleaning and answer rule, questions with several answers scored by generation.
 */
package dev.proctor.tasks.mmcu;

"""Knowledge-base pipeline: raw study notes in, normalised Markdown pages out.

Every stage is a pure function of the stage before it, so each can be tested
without MkDocs; ``hooks/kb_hook.py`` only wires them to MkDocs events.
"""

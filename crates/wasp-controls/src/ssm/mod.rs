//! AWS Systems Manager documents.

pub mod document_public;
